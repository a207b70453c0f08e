import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { Slug, SlugList } from '../claims/slug';

export class OpenTalksDto extends ClaimBasisDto {
  @Slug('The track id; its stream is `talks-{id}`', 'us-russia-ukraine')
  id!: string;

  @ApiProperty({ example: 'US–Russia talks on ending the war in Ukraine' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'Ceasefire and settlement of the war in Ukraine' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  subject!: string;

  @SlugList('Registered actors that negotiate', ['usa', 'rus'], 2)
  parties!: string[];

  @SlugList('Registered actors that mediate', [])
  mediators!: string[];
}
