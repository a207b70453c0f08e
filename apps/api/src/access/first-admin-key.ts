import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CLOCK, Clock } from '../commands/clock';
import { Environment } from '../config/environment';
import { ApiKeyStore } from './api-key.store';

export const FIRST_ADMIN_KEY_NAME = 'admin';

/**
 * On the very first start there is no key, so nobody could create one: make an admin key and
 * print it once, to standard error, outside the JSON logs (so it is not kept with them).
 */
@Injectable()
export class FirstAdminKey implements OnApplicationBootstrap {
  constructor(
    private readonly keys: ApiKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.keys.isEmpty()) return;
    const given = this.config.get('PARLEY_BOOTSTRAP_ADMIN_KEY', { infer: true });
    const { key } = this.keys.create(FIRST_ADMIN_KEY_NAME, 'admin', this.clock(), given === '' ? undefined : given);
    if (given !== '') return;
    process.stderr.write(
      `\nParley created the first API key, "${FIRST_ADMIN_KEY_NAME}" (role admin). It is shown only this once:\n\n` +
        `    ${key}\n\nUse it as "Authorization: Bearer ${key}". Make keys for others with: npm run cli -- keys create --name NAME --role ROLE\n\n`,
    );
  }
}
