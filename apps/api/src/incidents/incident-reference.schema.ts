import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, record } from '../openapi/schema-component';

const EVENT_ID: SchemaObject = { type: 'string', format: 'uuid' };

/** The incident a list entry stands for, when its claim is linked to other live reports: the entry counts the incident once. */
export const incidentReference = (reports: string): SchemaObject => ({
  ...record({ id: { ...EVENT_ID, description: 'The event id of the incident’s first recorded live report' }, reports: { ...arrayOf(EVENT_ID), description: reports } }),
  description: 'Present when the claim is linked to other live reports: the incident this entry stands for, once',
});
