import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CountryCode } from './country-code';

export class PlaceDto {
  @CountryCode('Country', 'USA')
  country!: string;

  @ApiPropertyOptional({ example: 'Washington' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  city?: string;
}
