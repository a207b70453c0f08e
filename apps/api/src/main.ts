import { ConfigService } from '@nestjs/config';
import { createApp } from './app.setup';
import { Environment } from './config/environment';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(ConfigService<Environment, true>);
  await app.listen({ port: config.get('PORT', { infer: true }), host: config.get('HOST', { infer: true }) });
}

void main();
