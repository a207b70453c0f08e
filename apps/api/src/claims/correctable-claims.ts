import { Type } from '@nestjs/common';
import { OmitType, PartialType } from '@nestjs/swagger';
import { TalksClaim } from '@parley/domain';
import { EndCeasefireDto, ReportCeasefireViolationDto } from '../ceasefires/ceasefire-events.dto';
import { ExtendCeasefireDto } from '../ceasefires/extend-ceasefire.dto';
import { RecordCeasefireDto } from '../ceasefires/record-ceasefire.dto';
import { RecordHostageReleaseDto } from '../ceasefires/record-hostage-release.dto';
import { RecordEnvoyVisitDto } from '../meetings/record-envoy-visit.dto';
import { RecordMeetingDto } from '../meetings/record-meeting.dto';
import { ScheduleMeetingDto } from '../meetings/schedule-meeting.dto';
import { RecordPrisonerSwapDto } from '../prisoner-swaps/record-prisoner-swap.dto';
import { OpenTalksDto } from '../talks/open-talks.dto';
import { ConcludeTalksDto, TalksTransitionDto } from '../talks/talks-transition.dto';

/**
 * The body each kind of claim was recorded with, every field optional: a correction's
 * `changes` are checked against it, so they meet the same validation as the original.
 */
export const CORRECTION_SHAPES: Readonly<Record<TalksClaim['type'], Type<object>>> = {
  TalksOpened: PartialType(OmitType(OpenTalksDto, ['id'] as const)),
  EnvoyVisited: PartialType(RecordEnvoyVisitDto),
  MeetingScheduled: PartialType(ScheduleMeetingDto),
  MeetingHeld: PartialType(RecordMeetingDto),
  PrisonerSwapped: PartialType(RecordPrisonerSwapDto),
  CeasefireBrokered: PartialType(RecordCeasefireDto),
  HostagesReleased: PartialType(RecordHostageReleaseDto),
  CeasefireViolated: PartialType(ReportCeasefireViolationDto),
  CeasefireEnded: PartialType(EndCeasefireDto),
  TalksStalled: PartialType(TalksTransitionDto),
  TalksResumed: PartialType(TalksTransitionDto),
  TalksConcluded: PartialType(ConcludeTalksDto),
  CeasefireExtended: PartialType(ExtendCeasefireDto),
};
