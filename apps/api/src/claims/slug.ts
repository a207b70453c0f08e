import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches } from 'class-validator';

const SLUG_MESSAGE = 'must be a slug: lower-case letters, digits and dashes, 2 to 63 characters';

/** An analyst-chosen id such as `steve-witkoff`. */
export const Slug = (description: string, example: string) =>
  applyDecorators(ApiProperty({ description, example, pattern: SLUG_PATTERN.source }), IsString(), Matches(SLUG_PATTERN, { message: `$property ${SLUG_MESSAGE}` }));

export const OptionalSlug = (description: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, pattern: SLUG_PATTERN.source }),
    IsOptional(),
    IsString(),
    Matches(SLUG_PATTERN, { message: `$property ${SLUG_MESSAGE}` }),
  );

/** Who hosted a claim that happens somewhere: a registered actor, a field of its own beside the mediators. */
export const HostedBy = (example: string) =>
  OptionalSlug('The registered actor that hosted it; distinct from the mediators (though it may be one of them too)', example);

export const SlugList = (description: string, example: string[], minItems = 0) =>
  applyDecorators(
    ApiProperty({ description, example, type: [String], minItems }),
    IsArray(),
    ArrayMinSize(minItems),
    ArrayMaxSize(100),
    IsString({ each: true }),
    Matches(SLUG_PATTERN, { each: true, message: `each value in $property ${SLUG_MESSAGE}` }),
  );

/** A path parameter that SlugPipe checks, documented with the same pattern. */
export const SlugParam = (name: string, description: string) =>
  ApiParam({ name, description, schema: { type: 'string', pattern: SLUG_PATTERN.source, example: 'us-russia-ukraine' } });
