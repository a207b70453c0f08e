import { randomBytes } from 'node:crypto';
import { actorBody, meetingBody, openTalksBody } from '../../support/bodies';
import { Client, expectStatus } from './http-client';

export type Track = Readonly<{ talksId: string; participants: readonly [string, string] }>;

const slug = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

/** Opened tracks between two registered states, each with two registered envoys to meet. */
export async function openTracks(client: Client, count: number): Promise<Track[]> {
  const [stateA, stateB, envoyA, envoyB] = [slug('state-a'), slug('state-b'), slug('envoy-a'), slug('envoy-b')];
  for (const [id, kind] of [[stateA, 'state'], [stateB, 'state'], [envoyA, 'person'], [envoyB, 'person']]) {
    expectStatus(await client.post('/v1/actors', actorBody(id, kind)), 201);
  }
  const tracks: Track[] = [];
  for (let i = 0; i < count; i++) {
    const talksId = slug('talks');
    expectStatus(await client.post('/v1/talks', openTalksBody(talksId, [stateA, stateB])), 201);
    tracks.push({ talksId, participants: [envoyA, envoyB] });
  }
  return tracks;
}

/** A new meeting on a track: a valid command that appends exactly one event. */
export const meetingPath = (track: Track): string => `/v1/talks/${track.talksId}/meetings`;
export const newMeeting = (track: Track): Record<string, unknown> => meetingBody(slug('meeting'), [...track.participants]);
