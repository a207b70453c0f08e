import type { SchemaObject } from '@nestjs/swagger';
import { DATE_TIME, record, schemaComponent } from '../openapi/schema-component';
import { ROLES } from './roles';

const properties: Record<string, SchemaObject> = {
  name: { type: 'string', example: 'analyst-desk' },
  role: { type: 'string', enum: [...ROLES] },
  prefix: { type: 'string', description: 'The first characters of the key, to tell keys apart', example: 'parley_3kq' },
  createdAt: DATE_TIME,
  lastUsedAt: { ...DATE_TIME, nullable: true },
  revokedAt: { ...DATE_TIME, nullable: true },
};

export const API_KEY = schemaComponent('ApiKey', record(properties));

export const CREATED_API_KEY = schemaComponent(
  'CreatedApiKey',
  record({ ...properties, key: { type: 'string', description: 'The key itself: shown this once, never again', example: 'parley_3kq…' } }),
);

export const API_KEY_SCHEMAS = [API_KEY, CREATED_API_KEY];
