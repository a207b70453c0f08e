import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches } from 'class-validator';

/** A global position as the API writes it: a decimal string (positions are 64-bit). */
export const POSITION_PATTERN = /^\d{1,19}$/;

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
