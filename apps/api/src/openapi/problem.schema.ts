import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorSchema {
  @ApiProperty({ example: 'participants' })
  field!: string;

  @ApiProperty({ example: 'must contain at least 2 elements' })
  message!: string;
}

/** RFC 9457 Problem Details as this API writes them (`application/problem+json`). */
export class ProblemSchema {
  @ApiProperty({ example: '/problems/MEETING.TOO_FEW_PARTICIPANTS', description: 'Resolves to a description of the code' })
  type!: string;

  @ApiProperty({ example: 'Meeting: too few participants' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiProperty({ example: 'A meeting needs at least two distinct participants' })
  detail!: string;

  @ApiPropertyOptional({ example: '/v1/talks/us-russia-ukraine/meetings' })
  instance?: string;

  @ApiProperty({ example: 'MEETING.TOO_FEW_PARTICIPANTS', description: 'Stable; see GET /problems' })
  code!: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema] })
  errors?: FieldErrorSchema[];
}

class RecordedEventRefSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'MeetingHeld' })
  type!: string;
}

export class CommandResultSchema {
  @ApiProperty({ example: 'talks-us-russia-ukraine' })
  streamId!: string;

  @ApiProperty({ example: 4, description: 'The stream revision after the command; also the ETag' })
  revision!: number;

  @ApiProperty({ example: '42', description: 'Global position (decimal string) for read-your-writes' })
  position!: string;

  @ApiProperty({ type: [RecordedEventRefSchema] })
  events!: RecordedEventRefSchema[];
}
