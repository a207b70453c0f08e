import { correctionBody, prisonerSwapBody, provenance, reasonBody } from './support/bodies';
import { expectProblem, invalidFields, openTrack, recordClaim, talksHistory, talksPath } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

/** The recording clock has moved past a moment: what a `knownAt` between two writes needs. */
const pastMoment = async (moment: string): Promise<void> => {
  while (Date.now() <= Date.parse(moment)) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * The release ledger from the past and by date: a swap reported by TASS (Marc Fogel, 11 February)
 * and by Reuters ("between the 10th and the 12th", Fogel in capitals and Alexander Vinnik); TASS is
 * corrected to name Ksenia Karelina too, Reuters is linked to it, then unlinked. Read now, as known
 * before each change, on a date, and in a window.
 */
describe('Releases as known then, as of a date, and in a window (e2e)', () => {
  let app: TestApp;
  let lastPosition = '0';

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const post = async (path: string, body: object) => {
    const response = await app.api.post(path).send(body).expect(201);
    lastPosition = response.body.position;
    return response;
  };
  /** Who a query lists, as `eventId person` and the reports of their incident, read once the last write is in. */
  const people = async (talksId: string, query = '') => {
    const response = await app.api.get(`/v1/releases?talksId=${talksId}${query}`).set('x-min-position', lastPosition).expect(200);
    return (response.body.items as Array<{ eventId: string; person: string; incident?: { reports: string[] } }>).map(({ eventId, person, incident }) =>
      incident ? [eventId, person, incident.reports] : [eventId, person],
    );
  };
  /** A moment after everything recorded so far, and before whatever comes next. */
  const momentNow = async (talksId: string) => {
    const moment = (await talksHistory(app, talksId)).at(-1)!.recordedAt;
    await pastMoment(moment);
    return moment;
  };

  async function story() {
    const { talksId, parties } = await openTrack(app);
    const [rus, usa] = parties;
    const fogel = { person: 'Marc Fogel', nationality: 'USA', releasedBy: rus };
    const tass = await recordClaim(app, talksId, 'prisoner-swaps', prisonerSwapBody('swap-tass', rus, [], { releases: [fogel] }));
    const reuters = await recordClaim(
      app,
      talksId,
      'prisoner-swaps',
      prisonerSwapBody('swap-reuters', rus, [], {
        occurredAt: '2025-02-10',
        occurredUntil: '2025-02-12',
        releases: [{ ...fogel, person: 'MARC FOGEL' }, { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: usa }],
        provenance: provenance('reported', 'Reuters'),
      }),
    );
    const beforeCorrection = await momentNow(talksId);
    await post(`${talksPath(talksId)}/claims/${tass}/corrections`, correctionBody({ releases: [fogel, { person: 'Ksenia Karelina', nationality: 'USA', releasedBy: rus }] }));
    const beforeLink = await momentNow(talksId);
    await post(`${talksPath(talksId)}/claims/${reuters}/same-as`, { sameAs: tass, ...reasonBody('The same exchange at Abu Dhabi airport', '2025-04-21') });
    return { talksId, tass, reuters, beforeCorrection, beforeLink };
  }

  it('lists a person once per incident now; as known before the correction and before the link, as recorded then; after an unlink, each report again', async () => {
    const { talksId, tass, reuters, beforeCorrection, beforeLink } = await story();
    const linked = [
      [reuters, 'Alexander Vinnik', [reuters]],
      [tass, 'Marc Fogel', [tass, reuters]],
      [tass, 'Ksenia Karelina', [tass]],
    ];
    expect(await people(talksId)).toEqual(linked);
    expect(await people(talksId, `&knownAt=${beforeCorrection}`)).toEqual([
      [reuters, 'MARC FOGEL'],
      [reuters, 'Alexander Vinnik'],
      [tass, 'Marc Fogel'],
    ]);
    const separate = [
      [reuters, 'MARC FOGEL'],
      [reuters, 'Alexander Vinnik'],
      [tass, 'Marc Fogel'],
      [tass, 'Ksenia Karelina'],
    ];
    expect(await people(talksId, `&knownAt=${beforeLink}`)).toEqual(separate);

    const beforeUnlink = await momentNow(talksId);
    await post(`${talksPath(talksId)}/claims/${reuters}/not-same-as`, { sameAs: tass, ...reasonBody('Two different exchanges', '2025-04-22') });
    const afterUnlink = await momentNow(talksId);
    expect(await people(talksId)).toEqual(separate);
    expect(await people(talksId, `&knownAt=${afterUnlink}`)).toEqual(separate);
    expect(await people(talksId, `&knownAt=${beforeUnlink}`)).toEqual(linked);
  });

  it('keeps, asOf a date, those whose claim had wholly occurred; from/to, those whose claim’s range overlaps; each combines with knownAt', async () => {
    const { talksId, tass, reuters, beforeCorrection, beforeLink } = await story();
    expect(await people(talksId, '&asOf=2025-02-10')).toEqual([]);
    expect(await people(talksId, '&asOf=2025-02-11')).toEqual([
      [tass, 'Marc Fogel', [tass, reuters]],
      [tass, 'Ksenia Karelina', [tass]],
    ]);
    expect(await people(talksId, `&asOf=2025-02-11&knownAt=${beforeCorrection}`)).toEqual([[tass, 'Marc Fogel']]);
    expect(await people(talksId, '&asOf=2025-02-12')).toHaveLength(3);

    expect(await people(talksId, '&from=2025-02-12')).toEqual([[reuters, 'Alexander Vinnik', [reuters]]]);
    expect(await people(talksId, `&from=2025-02-12&knownAt=${beforeLink}`)).toEqual([
      [reuters, 'MARC FOGEL'],
      [reuters, 'Alexander Vinnik'],
    ]);
    expect(await people(talksId, '&to=2025-02-10')).toEqual([[reuters, 'Alexander Vinnik', [reuters]]]);
    expect(await people(talksId, '&from=2025-02-11&to=2025-02-11&nationality=USA')).toEqual([
      [tass, 'Marc Fogel', [tass, reuters]],
      [tass, 'Ksenia Karelina', [tass]],
    ]);
    expect(await people(talksId, '&from=2025-02-13')).toEqual([]);
    // A month or a year names all of it, at either end; a time with its offset, that instant.
    expect(await people(talksId, '&from=2025-02&to=2025-02')).toHaveLength(3);
    expect(await people(talksId, '&from=2025&to=2025-01')).toEqual([]);
    expect(await people(talksId, '&from=2025-02-11T23:00:00-02:00')).toEqual([[reuters, 'Alexander Vinnik', [reuters]]]);
  });

  it('pages by cursor with knownAt, asOf and from, one person a page, as one page lists them', async () => {
    const { talksId, beforeLink } = await story();
    for (const query of [`&knownAt=${beforeLink}`, '&asOf=2025-03-01', '&from=2025-02-11', `&from=2025-02-10&knownAt=${beforeLink}&asOf=2025-02-12`]) {
      const whole = (await app.api.get(`/v1/releases?talksId=${talksId}${query}`).set('x-min-position', lastPosition).expect(200)).body.items;
      const paged: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: unknown[]; nextCursor: string | null } = (await app.api.get(`/v1/releases?talksId=${talksId}${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
        paged.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(whole.length).toBeGreaterThan(1);
      expect(paged).toEqual(whole);
    }
  });

  it('refuses dates that are not dates, and a cursor it never gave out, with 400 problem+json', async () => {
    for (const [query, field] of [
      ['from=2025-13-01', 'from'],
      ['to=yesterday', 'to'],
      ['asOf=2025-02-30', 'asOf'],
      ['knownAt=2025-01-01T25:00:00Z', 'knownAt'],
      ['from=2025-W07', 'from'],
      // A time without an offset would be read in the server's own zone.
      ['from=2025-02-11T10:00', 'from'],
      ['to=2025-02-11T10:00:00', 'to'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['asOf=2025-02-30&cursor=x', 'asOf'],
    ]) {
      const response = await app.api.get(`/v1/releases?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expectProblem(response, 400, 'REQUEST.INVALID');
      expect(invalidFields(response)).toContain(field);
    }
    // The timeline reads its window the same way.
    expect(invalidFields(await app.api.get('/v1/timeline?from=2025-W07'))).toEqual(['from']);
  });

  it('documents each of them in the OpenAPI document, with an example', async () => {
    const { body: document } = await app.api.get('/docs-json').expect(200);
    const parameters = document.paths['/v1/releases'].get.parameters as Array<{ name: string; in: string; description?: string; schema: { example?: unknown } }>;
    const documented = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter]));
    for (const name of ['from', 'to', 'asOf', 'knownAt']) {
      expect(documented[name]).toMatchObject({ in: 'query', description: expect.any(String) });
      expect(documented[name].schema.example ?? (documented[name] as { example?: unknown }).example).toEqual(expect.any(String));
    }
  });
});
