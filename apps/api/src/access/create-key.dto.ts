import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Slug } from '../claims/slug';
import { ROLES, Role } from './roles';

export class CreateKeyDto {
  @Slug('A unique name: it becomes the recordedBy of every event written with the key', 'newsroom-bot')
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'analyst' })
  @IsIn(ROLES)
  role!: Role;
}
