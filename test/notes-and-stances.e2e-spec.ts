import { parse } from 'csv-parse/sync';
import { correctionBody, envoyVisitBody, meetingBody, prisonerSwapBody } from './support/bodies';
import { expectProblem, historyTypes, invalidFields, openTrack, registerActors, talksHistory, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

/** A note on a claim, and sources that deny it, recorded as an analyst states them and read back everywhere. */
describe('Notes and source stances (e2e)', () => {
  let app: TestApp;
  let last = '0';

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const kremlinDenies = { publisher: 'TASS', originator: 'Dmitry Peskov', stance: 'denies' };
  const denial = { sources: [kremlinDenies], confidence: 'reported' };
  const dispute = { sources: [{ publisher: 'Axios' }, kremlinDenies], confidence: 'rumoured' };
  const post = async (talksId: string, path: string, body: object) => {
    const response = await app.api.post(`${talksPath(talksId)}/${path}`).send(body);
    if (response.status === 201) last = response.body.position;
    return response;
  };
  /** Posts an accepted claim or correction and answers its event id. */
  const created = async (talksId: string, path: string, body: object): Promise<string> => {
    const response = await post(talksId, path, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body.events[0].id as string;
  };
  /** Every read waits for the last write, so it never races the projections. */
  const read = (path: string, accept = 'application/json') => app.api.get(path).set('x-min-position', last).set('accept', accept);

  /** A track with a visit every source denies (with a note), a meeting some deny, and a swap every source denies. */
  async function disputedTrack() {
    const { talksId, parties } = await openTrack(app);
    const [envoy] = await registerActors(app, 'envoy');
    const note = 'Flight tracked to Vnukovo; the Kremlin denies any visit';
    const visit = await created(talksId, 'envoy-visits', envoyVisitBody(envoy, { provenance: denial, note }));
    const meeting = await created(talksId, 'meetings', meetingBody(uniqueSlug('meeting'), parties, { provenance: dispute }));
    const swap = await created(talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('swap'), parties[0], [], { provenance: denial }));
    return { talksId, parties, envoy, note, visit, meeting, swap };
  }

  const timeline = async (query: string) => (await read(`/v1/timeline?${query}`).expect(200)).body.items as Record<string, unknown>[];

  it('records the note and each source’s stance as given, and the history shows them', async () => {
    const { talksId, note } = await disputedTrack();
    const [, visit] = await talksHistory(app, talksId);
    expect(visit.data).toMatchObject({ note, provenance: denial });
    expect(visit.metadata).toMatchObject({ schemaVersion: 2 });
  });

  it('the timeline shows every claim with its stance and note, and filters by stance', async () => {
    const { talksId, note, visit, meeting, swap } = await disputedTrack();
    const items = await timeline(`talksId=${talksId}`);
    expect(items.map(({ eventId, stance, note }) => ({ eventId, stance, note }))).toEqual([
      { eventId: expect.any(String), stance: 'asserted', note: null },
      { eventId: swap, stance: 'denied', note: null }, // dated 11 February, the others 11 April
      { eventId: visit, stance: 'denied', note },
      { eventId: meeting, stance: 'disputed', note: null },
    ]);
    expect((await timeline(`talksId=${talksId}&stance=denied`)).map((item) => item.eventId)).toEqual([swap, visit]);
    expect((await timeline(`talksId=${talksId}&stance=disputed&stance=asserted`)).map((item) => item.eventId)).toEqual([expect.any(String), meeting]);
    expect(await timeline(`talksId=${talksId}&stance=denied&minConfidence=confirmed`)).toEqual([]);
  });

  it('counts what a source asserts, not what every source denies: no visit, no swap, no one freed; the disputed meeting counts', async () => {
    const { talksId, envoy } = await disputedTrack();
    const status = (await read(talksPath(talksId)).expect(200)).body;
    expect(status.counts).toMatchObject({ visits: 0, meetings: 1, swaps: 0, prisonersFreed: { best: 0 } });
    expect((await read(`/v1/releases?talksId=${talksId}`).expect(200)).body.items).toEqual([]);
    expect((await read(`/v1/actors/${envoy}/activity`).expect(200)).body.visits.count).toBe(0);
  });

  it('a correction that has a source assert the swap counts it; one that sets, then clears a note shows each in turn', async () => {
    const { talksId, swap, meeting } = await disputedTrack();
    await created(talksId, `claims/${swap}/corrections`, correctionBody({ provenance: { sources: [kremlinDenies, { publisher: 'Reuters' }], confidence: 'reported' } }));
    expect((await read(talksPath(talksId)).expect(200)).body.counts).toMatchObject({ swaps: 1, prisonersFreed: { best: 1 } });
    expect((await read(`/v1/releases?talksId=${talksId}`).expect(200)).body.items.map((r: { person: string }) => r.person)).toEqual(['Marc Fogel']);

    await created(talksId, `claims/${meeting}/corrections`, correctionBody({ note: 'Venue from one source only' }));
    const noteOf = async () => (await timeline(`talksId=${talksId}&type=MeetingHeld`))[0].note;
    expect(await noteOf()).toBe('Venue from one source only');
    await created(talksId, `claims/${meeting}/corrections`, correctionBody({ note: null }));
    expect(await noteOf()).toBeNull();
    const history = await talksHistory(app, talksId);
    expect(history.filter((event) => event.type === 'ClaimCorrected').map((event) => event.data.changes)).toEqual([
      { provenance: { sources: [kremlinDenies, { publisher: 'Reuters' }], confidence: 'reported' } },
      { note: 'Venue from one source only' },
      { note: null },
    ]);
  });

  it('exports the note and the stance, spreadsheet-safe in CSV, in the timeline and the dataset shapes', async () => {
    const { talksId, parties } = await openTrack(app);
    const formula = '=HYPERLINK("http://evil.example","click")';
    await created(talksId, 'meetings', meetingBody(uniqueSlug('meeting'), parties, { provenance: dispute, note: formula }));
    const [row] = (parse((await read(`/v1/timeline?talksId=${talksId}&type=MeetingHeld`, 'text/csv').expect(200)).text, { columns: true }) as Record<string, string>[]);
    expect(row).toMatchObject({ stance: 'disputed', note: `'${formula}` });
    const [record] = parse((await read(`/v1/timeline?talksId=${talksId}&type=MeetingHeld&shape=claims`, 'text/csv').expect(200)).text, { columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ stance: 'disputed', stances: 'asserts;denies', note: `'${formula}` });
    const [line] = (await read(`/v1/timeline?talksId=${talksId}&type=MeetingHeld&shape=dyadic&fields=note,stance`, 'application/x-ndjson').expect(200)).text.split('\n').filter(Boolean).map((text) => JSON.parse(text));
    expect(line).toMatchObject({ note: formula, stance: 'disputed' });
  });

  it('422 NOTE.TOO_LONG past 2,000 characters, on a claim and on a correction; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    const [envoy] = await registerActors(app, 'envoy');
    await created(talksId, 'envoy-visits', envoyVisitBody(envoy, { note: 'é'.repeat(2000) }));
    expectProblem(await post(talksId, 'meetings', meetingBody(uniqueSlug('meeting'), parties, { note: 'x'.repeat(2001) })), 422, 'NOTE.TOO_LONG', 'note');
    const [, visit] = await talksHistory(app, talksId);
    expectProblem(await post(talksId, `claims/${visit.id}/corrections`, correctionBody({ note: 'x'.repeat(2001) })), 422, 'NOTE.TOO_LONG', 'changes.note');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'EnvoyVisited']);
  });

  it('400 REQUEST.INVALID for a stance that is neither asserts nor denies, an empty note, `denied` as a confidence, or a filter of either', async () => {
    const { talksId, parties } = await openTrack(app);
    const body = (extra: Record<string, unknown>) => meetingBody(uniqueSlug('meeting'), parties, extra);
    expect(invalidFields(await post(talksId, 'meetings', body({ provenance: { sources: [{ publisher: 'TASS', stance: 'doubts' }], confidence: 'reported' } })))).toEqual(['provenance.sources[0].stance']);
    expect(invalidFields(await post(talksId, 'meetings', body({ note: '' })))).toEqual(['note']);
    expect(invalidFields(await post(talksId, 'meetings', body({ provenance: { sources: [{ publisher: 'TASS' }], confidence: 'denied' } })))).toEqual(['provenance.confidence']);
    expectProblem(await read('/v1/timeline?stance=denies'), 400, 'REQUEST.INVALID');
    expectProblem(await read('/v1/timeline?minConfidence=denied'), 400, 'REQUEST.INVALID');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
  });
});
