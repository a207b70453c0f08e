import { ApiProperty } from '@nestjs/swagger';
import { IsNumber } from 'class-validator';

/** WGS 84 decimal degrees. The range is the domain's rule (PLACE.COORDINATES_OUT_OF_RANGE), so it answers with its code. */
export class CoordinatesDto {
  @ApiProperty({ description: 'Latitude, −90 to 90', minimum: -90, maximum: 90, example: 41.0082 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lat!: number;

  @ApiProperty({ description: 'Longitude, −180 to 180', minimum: -180, maximum: 180, example: 28.9784 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lon!: number;
}
