/** Valid request bodies to start from; a test overrides only what it is about. */

export const provenance = (confidence = 'reported', publisher = 'TASS') => ({
  sources: [{ publisher, url: 'https://tass.com/politics/1' }],
  confidence,
});

export const claimBasis = (occurredAt = '2025-04-11', precision = 'day') => ({ occurredAt, precision, provenance: provenance() });

export const actorBody = (id: string, kind = 'person', extra: Record<string, unknown> = {}) => ({
  id,
  name: `Name of ${id}`,
  kind,
  ...extra,
});

export const openTalksBody = (id: string, parties: string[], mediators: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  title: `Talks ${id}`,
  subject: 'Ending the war',
  parties,
  mediators,
  ...claimBasis('2025-02-01'),
  ...extra,
});

export const meetingBody = (meetingId: string, participants: string[], extra: Record<string, unknown> = {}) => ({
  meetingId,
  participants,
  location: { country: 'RUS', city: 'Saint Petersburg' },
  format: 'in_person',
  summary: 'Met for four hours',
  ...claimBasis(),
  ...extra,
});

export const scheduledMeetingBody = (meetingId: string, participants: string[], extra: Record<string, unknown> = {}) => ({
  meetingId,
  participants,
  location: { country: 'RUS' },
  expectedAt: '2025-04-12',
  ...claimBasis('2025-04-10'),
  ...extra,
});

export const envoyVisitBody = (envoyId: string, extra: Record<string, unknown> = {}) => ({
  envoyId,
  hostCountry: 'RUS',
  city: 'Saint Petersburg',
  purpose: 'Talks on a ceasefire',
  ...claimBasis(),
  ...extra,
});

export const prisonerSwapBody = (swapId: string, releasedBy: string, mediators: string[] = [], extra: Record<string, unknown> = {}) => ({
  swapId,
  releases: [{ person: 'Marc Fogel', nationality: 'USA', releasedBy, detainedSince: '2021-08', sentence: '14 years' }],
  mediators,
  ...claimBasis('2025-02-11'),
  ...extra,
});

export const ceasefireBody = (ceasefireId: string, parties: string[], mediators: string[] = [], extra: Record<string, unknown> = {}) => ({
  ceasefireId,
  parties,
  mediators,
  effectiveFrom: '2025-01-19',
  endsAt: '2025-03-01',
  terms: { hostagesToRelease: { best: 33 }, prisonersToRelease: { best: 1900, low: 1800, high: 2000 }, summary: 'Phase one' },
  ...claimBasis('2025-01-15'),
  ...extra,
});

export const hostageReleaseBody = (releasedBy: string, extra: Record<string, unknown> = {}) => ({
  count: { best: 3 },
  names: ['Romi Gonen', 'Doron Steinbrecher', 'Emily Damari'],
  releasedBy,
  ...claimBasis('2025-01-19'),
  ...extra,
});

export const violationBody = (allegedBy: string, against: string, extra: Record<string, unknown> = {}) => ({
  allegedBy,
  against,
  description: 'Rocket fire reported',
  ...claimBasis('2025-02-01'),
  ...extra,
});

export const reasonBody = (reason = 'Deadlock', occurredAt = '2025-04-20') => ({ reason, ...claimBasis(occurredAt) });

export const concludeBody = (outcome = 'agreement', summary = 'A framework agreement was signed', occurredAt = '2025-05-01') => ({
  outcome,
  summary,
  ...claimBasis(occurredAt),
});

export const endCeasefireBody = (reason = 'expired', occurredAt = '2025-03-01') => ({ reason, ...claimBasis(occurredAt) });

export const extendCeasefireBody = (endsAt = '2025-03-08', occurredAt = '2025-02-27', extra: Record<string, unknown> = {}) => ({
  endsAt,
  terms: { summary: 'One more week; three more hostages for 90 prisoners', hostagesToRelease: { best: 3 }, prisonersToRelease: { best: 90 } },
  ...claimBasis(occurredAt),
  ...extra,
});

export const correctionBody = (changes: Record<string, unknown>, reason = 'A later report corrects it', occurredAt = '2025-04-21') => ({
  changes,
  ...reasonBody(reason, occurredAt),
});

export const retractionBody = (reason = 'It did not happen', occurredAt = '2025-04-21') => reasonBody(reason, occurredAt);
