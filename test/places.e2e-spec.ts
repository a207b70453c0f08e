import { actorBody, ceasefireBody, correctionBody, envoyVisitBody, hostageReleaseBody, meetingBody, prisonerSwapBody, scheduledMeetingBody, violationBody } from './support/bodies';
import { expectProblem, historyTypes, invalidFields, openTrack, recordClaim, registerActors, talksHistory, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

const ankara = { country: 'tur', city: 'Ankara', coordinates: { lat: 39.9334, lon: 32.8597 }, geoPrecision: 'exact' };

/** Where claims happened and who hosted them, recorded as an analyst states them and read back through every view. */
describe('Places and hosts (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  /** Reads after a write at `position`, so they never race the projections. */
  const readAfter = (position: string) => (path: string) => app.api.get(path).set('x-min-position', position).expect(200);
  const post = (talksId: string, path: string, body: object) => app.api.post(`${talksPath(talksId)}/${path}`).send(body);

  it('a swap held in Ankara, hosted by Türkiye: recorded as stated, found by the country it happened in as well as the nationalities freed', async () => {
    const [host] = await registerActors(app, 'tur');
    const { talksId, parties } = await openTrack(app);
    const [rus, usa] = parties;
    const body = prisonerSwapBody(uniqueSlug('ankara'), rus, [], {
      releases: [{ person: 'Evan Gershkovich', nationality: 'USA', releasedBy: rus, releasedTo: usa }],
      place: ankara,
      hostedBy: host,
    });
    const response = await post(talksId, 'prisoner-swaps', body).expect(201);
    const read = readAfter(response.body.position);

    const [, swapped] = await talksHistory(app, talksId);
    expect(swapped.data).toMatchObject({ place: { ...ankara, country: 'TUR' }, hostedBy: host, releases: [{ releasedTo: usa }] });

    const ids = async (query: string) => (await read(`/v1/timeline?talksId=${talksId}&${query}`)).body.items.map((item: { type: string }) => item.type);
    expect(await ids('country=TUR')).toEqual(['PrisonerSwapped']);
    expect(await ids('country=USA')).toEqual(['PrisonerSwapped']);
    expect(await ids('placeCountry=tur')).toEqual(['PrisonerSwapped']);
    expect(await ids('placeCountry=USA')).toEqual([]);
    const [item] = (await read(`/v1/timeline?talksId=${talksId}&type=PrisonerSwapped`)).body.items;
    expect(item.countries).toEqual(['TUR', 'USA']);
    expect(item.actors).toEqual(expect.arrayContaining([{ actorId: host, role: 'host' }, { actorId: usa, role: 'released_to' }]));
    await app.api.get('/v1/timeline?placeCountry=XXX').expect(400);
  });

  it('country= also finds the claims of an actor registered in that country, now and as known before', async () => {
    const { talksId } = await openTrack(app);
    const envoy = uniqueSlug('envoy');
    await app.api.post('/v1/actors').send(actorBody(envoy, 'person', { country: 'ISL' })).expect(201);
    const response = await post(talksId, 'envoy-visits', envoyVisitBody(envoy, { hostCountry: 'CHE', city: 'Geneva' })).expect(201);
    const read = readAfter(response.body.position);
    const types = async (query: string) => (await read(`/v1/timeline?talksId=${talksId}&${query}`)).body.items.map((item: { type: string }) => item.type);
    expect(await types('country=ISL')).toEqual(['EnvoyVisited']);
    expect(await types('country=CHE')).toEqual(['EnvoyVisited']);
    expect(await types('placeCountry=ISL')).toEqual([]);
    expect(await types(`country=ISL&knownAt=${new Date().toISOString()}`)).toEqual(['EnvoyVisited']);
  });

  it('visits, meetings, ceasefires, releases and violations take coordinates with their grade; placeCountry finds each where it happened', async () => {
    const [envoy, host] = await registerActors(app, 'envoy', 'host');
    const { talksId, parties } = await openTrack(app);
    const ceasefireId = uniqueSlug('truce');
    const pinned = (country: string, geoPrecision: string) => ({ country, coordinates: { lat: 25.28, lon: 51.52 }, geoPrecision });
    await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy, { hostCountry: 'QAT', city: 'Doha', coordinates: { lat: 25.28, lon: 51.52 }, geoPrecision: 'near', hostedBy: host }));
    await recordClaim(app, talksId, 'meetings', meetingBody(uniqueSlug('meet'), parties, { location: pinned('QAT', 'exact'), hostedBy: host }));
    await recordClaim(app, talksId, 'ceasefires', ceasefireBody(ceasefireId, parties, [], { place: pinned('EGY', 'country'), hostedBy: host }));
    await recordClaim(app, talksId, 'hostage-releases', hostageReleaseBody(parties[0], { place: { country: 'ISR', city: 'Re’im' }, hostedBy: host }));
    const last = await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1], { place: pinned('PSE', 'region') })).expect(201);
    const read = readAfter(last.body.position);

    const typesIn = async (country: string) => (await read(`/v1/timeline?talksId=${talksId}&placeCountry=${country}`)).body.items.map((item: { type: string }) => item.type);
    expect(await typesIn('QAT')).toEqual(['EnvoyVisited', 'MeetingHeld']);
    expect(await typesIn('EGY')).toEqual(['CeasefireBrokered']);
    expect(await typesIn('ISR')).toEqual(['HostagesReleased']);
    expect(await typesIn('PSE')).toEqual(['CeasefireViolated']);

    const status = (await read(talksPath(talksId))).body;
    expect(status.ceasefires[0]).toMatchObject({ ceasefireId, place: pinned('EGY', 'country'), hostedBy: host });
    expect(status.ceasefire).toMatchObject({ ceasefireId });
  });

  it('a scheduled meeting shows in the status where it will be and who hosts it', async () => {
    const [host] = await registerActors(app, 'host');
    const { talksId, parties } = await openTrack(app);
    const location = { country: 'OMN', city: 'Muscat', coordinates: { lat: 23.588, lon: 58.3829 }, geoPrecision: 'exact' };
    const response = await post(talksId, 'scheduled-meetings', scheduledMeetingBody(uniqueSlug('muscat'), parties, { location, hostedBy: host })).expect(201);
    const status = (await readAfter(response.body.position)(`${talksPath(talksId)}?asOf=2025-04-10`)).body;
    expect(status.nextMeeting).toMatchObject({ location, hostedBy: host });
  });

  it('422 for coordinates out of range, without a grade, or a grade without coordinates, on every claim that happens somewhere; nothing is appended', async () => {
    const { talksId, parties } = await openTrack(app);
    const ceasefireId = uniqueSlug('truce');
    await recordClaim(app, talksId, 'ceasefires', ceasefireBody(ceasefireId, parties));
    const [envoy] = await registerActors(app, 'envoy');
    expectProblem(await post(talksId, 'envoy-visits', envoyVisitBody(envoy, { coordinates: { lat: 95, lon: 30 }, geoPrecision: 'exact' })), 422, 'PLACE.COORDINATES_OUT_OF_RANGE', 'coordinates.lat');
    expectProblem(await post(talksId, 'meetings', meetingBody(uniqueSlug('m'), parties, { location: { country: 'RUS', coordinates: { lat: 59.9, lon: 30.3 } } })), 422, 'PLACE.COORDINATES_WITHOUT_PRECISION', 'location.geoPrecision');
    expectProblem(await post(talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('s'), parties[0], [], { place: { country: 'TUR', geoPrecision: 'near' } })), 422, 'PLACE.PRECISION_WITHOUT_COORDINATES', 'place.geoPrecision');
    expectProblem(await post(talksId, 'hostage-releases', hostageReleaseBody(parties[0], { place: { country: 'ISR', coordinates: { lat: 31, lon: 190 }, geoPrecision: 'near' } })), 422, 'PLACE.COORDINATES_OUT_OF_RANGE', 'place.coordinates.lon');
    expectProblem(await post(talksId, `ceasefires/${ceasefireId}/violations`, violationBody(parties[0], parties[1], { place: { country: 'PSE', geoPrecision: 'region' } })), 422, 'PLACE.PRECISION_WITHOUT_COORDINATES', 'place.geoPrecision');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened', 'CeasefireBrokered']);
  });

  it('400 for a grade that is none of exact, near, region, country, or coordinates that are not numbers; 422 ACTOR.UNKNOWN for an unregistered host', async () => {
    const { talksId, parties } = await openTrack(app);
    expect(invalidFields(await post(talksId, 'prisoner-swaps', prisonerSwapBody('swap-1', parties[0], [], { place: { country: 'TUR', coordinates: { lat: '39', lon: 32 }, geoPrecision: 'street' } })))).toEqual([
      'place.coordinates.lat',
      'place.geoPrecision',
    ]);
    expectProblem(await post(talksId, 'meetings', meetingBody(uniqueSlug('m'), parties, { hostedBy: uniqueSlug('ghost') })), 422, 'ACTOR.UNKNOWN', 'hostedBy');
    expect(await historyTypes(app, talksPath(talksId))).toEqual(['TalksOpened']);
  });

  it('a corrected place re-runs the rules, moves the claim to its new country, and the past still finds it where it was known to be', async () => {
    const { talksId, parties } = await openTrack(app);
    const swapId = await recordClaim(app, talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('s'), parties[0], [], { place: ankara }));
    const correct = (changes: Record<string, unknown>) => post(talksId, `claims/${swapId}/corrections`, correctionBody(changes));
    expectProblem(await correct({ place: { ...ankara, coordinates: { lat: 39.9, lon: 200 } } }), 422, 'PLACE.COORDINATES_OUT_OF_RANGE', 'changes.place.coordinates.lon');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const corrected = await correct({ place: { country: 'ARE', city: 'Abu Dhabi' } }).expect(201);
    const read = readAfter(corrected.body.position);
    const count = async (query: string) => (await read(`/v1/timeline?talksId=${talksId}&${query}`)).body.items.length;
    expect(await count('placeCountry=ARE')).toBe(1);
    expect(await count('placeCountry=TUR')).toBe(0);
    expect(await count(`placeCountry=TUR&knownAt=${beforeCorrection}`)).toBe(1);
  });

  it('exports the place with its coordinates, its ACLED-like grade and its host', async () => {
    const [host] = await registerActors(app, 'tur');
    const { talksId, parties } = await openTrack(app);
    const response = await post(talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('s'), parties[0], [], { place: { ...ankara, geoPrecision: 'near' }, hostedBy: host })).expect(201);
    const page = await app.api
      .get(`/v1/timeline?talksId=${talksId}&type=PrisonerSwapped&fields=placeCountry,placeCity,geoPrecision,geoPrecisionCode,latitude,longitude,hostedBy`)
      .set('x-min-position', response.body.position)
      .set('accept', 'application/json')
      .expect(200);
    expect(page.body.items[0]).toMatchObject({ placeCountry: 'TUR', placeCity: 'Ankara', geoPrecision: 'near', geoPrecisionCode: 2, latitude: 39.9334, longitude: 32.8597, hostedBy: host });
  });
});
