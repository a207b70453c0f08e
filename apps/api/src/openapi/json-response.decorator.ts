import { ApiResponse, ReferenceObject, SchemaObject } from '@nestjs/swagger';

/** A 2xx answered as JSON with this schema. */
export const JsonResponse = (status: number, description: string, schema: SchemaObject | ReferenceObject) =>
  ApiResponse({ status, description, content: { 'application/json': { schema } } });
