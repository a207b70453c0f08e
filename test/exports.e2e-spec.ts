import { SEED_STORY } from '../scripts/demo/seed-story';
import { correctionBody, envoyVisitBody, meetingBody, prisonerSwapBody, retractionBody } from './support/bodies';
import { parse } from 'csv-parse/sync';
import { openTrack, recordClaim, registerActors } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

type Row = Record<string, string | number | null>;

/** The dataset-style exports an analyst loads as event data: claims or dyads, chosen columns, incremental pulls. */
describe('Dataset exports (e2e)', () => {
  let app: TestApp;
  let seeded: string;
  const read = (path: string, accept = 'application/x-ndjson') => app.api.get(path).set('x-min-position', seeded).set('accept', accept);
  const lines = (text: string): Row[] => text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  /** A JSON Lines record as its CSV row reads: null an empty cell, a number its digits. */
  const asCsv = (row: Row): Record<string, string> => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]));

  beforeAll(async () => {
    app = await startTestApp();
    const recorded = new Map<string, string>();
    for (const step of SEED_STORY) {
      const path = typeof step.path === 'string' ? step.path : step.path(recorded);
      const response = await app.api[step.method === 'POST' ? 'post' : 'patch'](path).send(step.body).expect(201);
      recorded.set(step.key, response.body.events[0].id);
      seeded = response.body.position;
    }
  });
  afterAll(async () => app.close());

  it('dyadic: a visit is the visitor’s 042 row and the host’s 043 row, each actor with its country', async () => {
    const rows = lines((await read('/v1/timeline?talksId=us-russia-ukraine&type=EnvoyVisited&shape=dyadic&fields=sourceActor,sourceCountry,targetActor,targetCountry,cameo,plover,ploverMode').expect(200)).text);
    expect(rows.slice(0, 2).map(({ change, changePosition, eventId, ...row }) => row)).toEqual([
      { dyad: 0, sourceActor: 'steve-witkoff', sourceCountry: 'USA', targetActor: 'rus', targetCountry: 'RUS', cameo: '042', plover: 'CONSULT', ploverMode: 'visit' },
      { dyad: 1, sourceActor: 'rus', sourceCountry: 'RUS', targetActor: 'steve-witkoff', targetCountry: 'USA', cameo: '043', plover: 'CONSULT', ploverMode: 'visit' },
    ]);
  });

  it('dyadic: the Fogel swap is Russia releasing to the United States, RETREAT release, and the envoys’ mediation', async () => {
    const rows = lines((await read('/v1/timeline?talksId=us-russia-ukraine&type=PrisonerSwapped&shape=dyadic').expect(200)).text);
    expect(rows.map((row) => `${row.sourceActor}(${row.sourceCountry}) → ${row.targetActor}(${row.targetCountry}) ${row.cameo} ${row.plover} ${row.ploverMode ?? '-'}`)).toEqual([
      'rus(RUS) → usa(USA) 0841 RETREAT release',
      'steve-witkoff(USA) → rus(RUS) 045 CONSULT -',
      'kirill-dmitriev(RUS) → rus(RUS) 045 CONSULT -',
    ]);
  });

  it('claims: dataset columns — precision codes, earliest/latest, sources with their originators, codebooks', async () => {
    const [swap] = lines((await read('/v1/timeline?talksId=us-russia-ukraine&type=PrisonerSwapped&shape=claims').expect(200)).text);
    expect(swap).toMatchObject({
      change: 'created',
      cameo: '0841',
      plover: 'RETREAT',
      ploverMode: 'release',
      ploverContext: 'legal',
      cameoCodebook: 'CAMEO 1.1b3',
      ploverCodebook: 'PLOVER 2.0-draft@5e0c24f',
      timePrecision: 'day',
      timePrecisionCode: 2,
      earliest: '2025-02-11',
      latest: '2025-02-11',
      sourceCount: 2,
      originators: 'Keith Kellogg',
      confidence: 'reported',
    });
    expect(swap.sources).toMatch(/^[^;]+; [^;]+ \(Keith Kellogg\)$/);
  });

  it('CSV parses into the same records as JSON Lines, for both shapes', async () => {
    for (const shape of ['claims', 'dyadic']) {
      const path = `/v1/timeline?shape=${shape}&limit=3`;
      const csv = await read(path, 'text/csv').expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const json = lines((await read(path).expect(200)).text);
      expect(json.length).toBeGreaterThan(5);
      expect(parse(csv.text, { columns: true }) as Record<string, string>[]).toEqual(json.map(asCsv));
    }
  });

  it('fields selects columns and keeps the keys; an unknown column or a filter a correction can leave is a 400', async () => {
    const page = (await read('/v1/timeline?talksId=israel-hamas-hostages&fields=cameo&limit=2', 'application/json').expect(200)).body;
    expect(Object.keys(page.items[0])).toEqual(['change', 'changePosition', 'eventId', 'cameo']);
    expect(page.nextCursor).toEqual(expect.any(String));
    await read('/v1/timeline?fields=colour', 'application/json').expect(400).expect(/REQUEST.INVALID/);
    await read('/v1/timeline?shape=triadic', 'application/json').expect(400);
    await read('/v1/timeline?changedSince=0&minConfidence=confirmed', 'application/json').expect(400).expect(/minConfidence/);
    await read('/v1/timeline?changedSince=-1', 'application/json').expect(400);
  });

  it('GET /v1/codebooks lists every code the exports carry, with the edition it is pinned to', async () => {
    const { body } = await app.api.get('/v1/codebooks').expect(200);
    const known = new Map<string, Set<string>>(body.codebooks.map((book: { field: string; codes: { code: string }[] }) => [book.field, new Set(book.codes.map((c) => c.code))]));
    expect(body.codebooks.find((book: { field: string }) => book.field === 'plover').edition).toBe('PLOVER 2.0-draft@5e0c24f');
    for (const shape of ['claims', 'dyadic']) {
      for (const row of lines((await read(`/v1/timeline?shape=${shape}`).expect(200)).text)) {
        for (const field of ['cameo', 'plover', 'ploverMode', 'timePrecisionCode', 'geoPrecisionCode']) {
          if (row[field] !== null) expect({ field, code: String(row[field]), listed: known.get(field)?.has(String(row[field])) }).toMatchObject({ listed: true });
        }
        for (const context of String(row.ploverContext ?? '').split(';').filter(Boolean)) expect(known.get('ploverContext')?.has(context)).toBe(true);
      }
    }
  });

  describe('incremental pulls keep a copy exact through corrections and retractions', () => {
    /** Apply a pull to a copy keyed by claim: each change replaces the claim's rows; a tombstone drops them. */
    const apply = (copy: Map<string, Row[]>, changes: Row[]): Map<string, Row[]> => {
      const next = new Map(copy);
      const seen = new Map<string, Row[]>();
      for (const row of changes) {
        const id = String(row.eventId);
        if (row.change === 'retracted') {
          next.delete(id);
          seen.delete(id);
          continue;
        }
        const key = `${id}@${row.changePosition}`;
        if (!seen.has(key)) seen.set(key, []), next.set(id, []);
        seen.get(key)!.push(row);
        next.set(id, seen.get(key)!);
      }
      return next;
    };
    const byClaim = (rows: Row[]): Map<string, Row[]> => {
      const copy = new Map<string, Row[]>();
      for (const row of rows) copy.set(String(row.eventId), [...(copy.get(String(row.eventId)) ?? []), row]);
      return copy;
    };
    const sorted = (copy: Map<string, Row[]>) => Object.fromEntries([...copy].sort(([a], [b]) => (a < b ? -1 : 1)));

    it.each(['claims', 'dyadic'])('%s: export all, correct and retract, pull changedSince, apply = a fresh full export', async (shape) => {
      const [envoy, counterpart] = await registerActors(app, 'envoy', 'counterpart');
      const { talksId } = await openTrack(app);
      const visit = await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy, { hostCountry: 'RUS' }));
      const meeting = await recordClaim(app, talksId, 'meetings', meetingBody('m-1', [envoy, counterpart]));
      const swap = await app.api.post(`/v1/talks/${talksId}/prisoner-swaps`).send(prisonerSwapBody('s-1', counterpart)).expect(201);
      let last: string = swap.body.position;
      const exportAll = async () => lines((await app.api.get(`/v1/timeline?talksId=${talksId}&shape=${shape}&minPosition=${last}`).set('accept', 'application/x-ndjson').expect(200)).text);
      const first = await exportAll();
      const since = first.reduce((max, row) => (BigInt(String(row.changePosition)) > max ? BigInt(String(row.changePosition)) : max), 0n);

      await app.api.post(`/v1/talks/${talksId}/claims/${meeting}/corrections`).send(correctionBody({ format: 'phone' })).expect(201);
      const retraction = await app.api.post(`/v1/talks/${talksId}/claims/${visit}/retraction`).send(retractionBody()).expect(201);
      last = retraction.body.position;

      const pulled = lines(
        (await app.api.get(`/v1/timeline?talksId=${talksId}&shape=${shape}&changedSince=${since}&minPosition=${last}`).set('accept', 'application/x-ndjson').expect(200)).text,
      );
      expect(pulled.map((row) => row.change)).toEqual(expect.arrayContaining(['corrected', 'retracted']));
      const page = (await app.api.get(`/v1/timeline?talksId=${talksId}&shape=${shape}&changedSince=${since}&minPosition=${last}`).expect(200)).body;
      expect(page).toEqual({ items: pulled, nextCursor: null });
      expect(pulled.every((row) => BigInt(String(row.changePosition)) > since)).toBe(true);
      expect(sorted(apply(byClaim(first), pulled))).toEqual(sorted(byClaim(await exportAll())));
    });
  });
});

