import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs and the OpenAPI document at /docs-json, generated from the DTOs. */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Parley')
    .setDescription(
      'Event-sourced diplomacy tracker. Every write is a command that appends immutable events; ' +
        'every claim carries its sources and confidence. Errors are RFC 9457 Problem Details; see GET /problems.',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
