import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';

/** A global position as the API writes it: a decimal string (positions are 64-bit). */
export const POSITION_PATTERN = /^\d{1,19}$/;

/** The largest position either store can hold: SQLite's INTEGER is a signed 64-bit number. */
export const MAX_POSITION = 2n ** 63n - 1n;

/** A position this API could have given out: 19 digits may still be past 2^63 - 1, which would fail in SQLite, not here. */
export const isPosition = (value: unknown): value is string => typeof value === 'string' && POSITION_PATTERN.test(value) && BigInt(value) <= MAX_POSITION;

export const positionMessage = (field: string): string => `${field} must be a global position: a decimal integer from 0 to ${MAX_POSITION}`;

/** A query parameter holding a global position, range-checked. */
export const IsPosition = (field: string) =>
  ValidateBy({ name: 'isPosition', validator: { validate: isPosition, defaultMessage: () => positionMessage(field) } });

/** The largest revision (and other count) a query may name: beyond it a number is no longer exact. */
export const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/** `?type=A` arrives as a string, `?type=A&type=B` as an array: make both a list. */
export const asList = Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : [value].flat()));

/** A repeatable `type` filter of event type names. */
export const EventTypeList = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Only these event types (repeatable)', type: [String], example: ['MeetingHeld'] }),
    IsOptional(),
    asList,
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    Matches(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, { each: true, message: 'each type must be an event type name' }),
  );
