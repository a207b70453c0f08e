import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha3, IsOptional } from 'class-validator';

/** Country codes are stored upper-case whatever case they arrive in. */
export const upperCase = Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value));

/** What the document can say of a code: three letters, any case (the real list is checked on arrival). */
export const COUNTRY_CODE_SHAPE = '^[A-Za-z]{3}$';

/** An ISO 3166-1 alpha-3 code, checked against the real list and stored upper-case. */
export const CountryCode = (description: string, example = 'RUS') =>
  applyDecorators(ApiProperty({ description: `${description} (ISO 3166-1 alpha-3)`, example, pattern: COUNTRY_CODE_SHAPE }), upperCase, IsISO31661Alpha3());

export const OptionalCountryCode = (description: string, example = 'RUS') =>
  applyDecorators(ApiPropertyOptional({ description: `${description} (ISO 3166-1 alpha-3)`, example, pattern: COUNTRY_CODE_SHAPE }), upperCase, IsOptional(), IsISO31661Alpha3());
