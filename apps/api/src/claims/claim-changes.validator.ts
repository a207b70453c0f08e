import { Injectable } from '@nestjs/common';
import { CLAIM_FIELDS, FieldSpec, TalksState, talksDecider, talksStreamId } from '@parley/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { StreamStateCache } from '../commands/stream-state.cache';
import { validationProblem } from '../problem/validation-problem';
import { CORRECTION_SHAPES } from './correctable-claims';

/**
 * Checks a correction's `changes` against the shape of the claim it corrects, which only
 * the stream knows (from the same cached state the command will be decided on: no second read).
 * Rules (ids immutable, dates, counts) stay with the decider.
 */
@Injectable()
export class ClaimChangesValidator {
  constructor(private readonly states: StreamStateCache) {}

  async validated(talksId: string, eventId: string, changes: Record<string, unknown>): Promise<Record<string, unknown>> {
    const track = (await this.states.load(talksStreamId(talksId), talksDecider)).state as TalksState;
    const targetType = track.status === 'not_opened' ? undefined : track.claims.get(eventId)?.claim.type;
    const shape = targetType && CORRECTION_SHAPES[targetType as keyof typeof CORRECTION_SHAPES];
    // An unknown or uncorrectable target is the decider's to refuse, with its own code.
    if (!shape) return changes;
    // Ids (talksId, meetingId, a violation's ceasefireId…) are the decider's to refuse with CLAIM.IMMUTABLE_FIELD;
    // the request shapes cannot judge them, as several come from the path and are not in any body.
    const fields: Readonly<Record<string, FieldSpec>> = CLAIM_FIELDS[targetType as keyof typeof CORRECTION_SHAPES];
    const isIdentity = (key: string): boolean => Object.hasOwn(fields, key) && fields[key].immutable === true;
    const checkable = Object.fromEntries(Object.entries(changes).filter(([key]) => !isIdentity(key)));
    const instance = plainToInstance(shape, checkable) as Record<string, unknown>;
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
    if (errors.length > 0) throw validationProblem(errors, 'changes');
    return Object.fromEntries(Object.keys(changes).map((key) => [key, isIdentity(key) ? changes[key] : instance[key]]));
  }
}
