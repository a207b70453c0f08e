import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { GEO_PRECISIONS, GeoPrecision } from '@parley/domain';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CoordinatesDto } from './coordinates.dto';
import { CountryCode } from './country-code';

export const GEO_PRECISION_DESCRIPTION =
  'What the coordinates stand for, graded as ACLED and UCDP GED grade theirs: `exact` the spot or the named town itself (ACLED 1, UCDP 1), ' +
  '`near` within about 25 km of it (ACLED 2, UCDP 2), `region` only an administrative region is known (ACLED 3, UCDP 3–4), ' +
  '`country` only the country (UCDP 6). Given with coordinates, and only with them.';

/** Coordinates and their grade: on a place, and at the top of a visit (whose place sits there since v1). */
export const PlaceCoordinates = () =>
  applyDecorators(
    ApiPropertyOptional({ type: CoordinatesDto, description: 'Where exactly, if known; needs `geoPrecision`' }),
    IsOptional(),
    ValidateNested(),
    Type(() => CoordinatesDto),
  );

export const PlaceGeoPrecision = () =>
  applyDecorators(ApiPropertyOptional({ enum: GEO_PRECISIONS, description: GEO_PRECISION_DESCRIPTION, example: 'exact' }), IsOptional(), IsIn(GEO_PRECISIONS));

export class PlaceDto {
  @CountryCode('Country', 'USA')
  country!: string;

  @ApiPropertyOptional({ example: 'Washington' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  city?: string;

  @PlaceCoordinates()
  coordinates?: CoordinatesDto;

  @PlaceGeoPrecision()
  geoPrecision?: GeoPrecision;
}

/** Where a claim without a place of its own happened (v2): a swap, a ceasefire, a release, a violation. */
export const OptionalPlace = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: PlaceDto,
      description,
      example: { country: 'TUR', city: 'Ankara', coordinates: { lat: 39.9334, lon: 32.8597 }, geoPrecision: 'exact' },
    }),
    IsOptional(),
    ValidateNested(),
    Type(() => PlaceDto),
  );
