import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GeoPrecision } from '@parley/domain';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { CoordinatesDto } from '../claims/coordinates.dto';
import { CountryCode } from '../claims/country-code';
import { PlaceCoordinates, PlaceGeoPrecision } from '../claims/place.dto';
import { HostedBy, Slug } from '../claims/slug';

export class RecordEnvoyVisitDto extends ClaimBasisDto {
  @Slug('The visiting envoy (a registered actor)', 'steve-witkoff')
  envoyId!: string;

  @CountryCode('The country visited', 'RUS')
  hostCountry!: string;

  @ApiPropertyOptional({ example: 'Saint Petersburg' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  city?: string;

  @PlaceCoordinates()
  coordinates?: CoordinatesDto;

  @PlaceGeoPrecision()
  geoPrecision?: GeoPrecision;

  @HostedBy('vladimir-putin')
  hostedBy?: string;

  @ApiProperty({ example: 'Talks on a ceasefire in Ukraine' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  purpose!: string;

  @ApiPropertyOptional({ description: 'When the envoy left, if known (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  departedAt?: string;
}
