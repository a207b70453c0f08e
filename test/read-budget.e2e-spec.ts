import { envoyVisitBody } from './support/bodies';
import { expectProblem, openTrack, recordClaim, registerActors } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

/** A read that would look at more rows than PARLEY_READ_BUDGET_ROWS answers a problem instead of running on. */
describe('Read budget (e2e)', () => {
  let app: TestApp;
  let talksId: string;
  let position: string;

  beforeAll(async () => {
    app = await startTestApp({ PARLEY_READ_BUDGET_ROWS: '6' });
    ({ talksId } = await openTrack(app));
    const [envoy] = await registerActors(app, 'envoy');
    for (let i = 0; i < 9; i++) await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy));
    position = (await app.api.get(`/v1/talks/${talksId}/history?limit=1000`).expect(200)).body.events.at(-1).position;
  });

  afterAll(async () => {
    await app.close();
  });

  const read = (path: string) => app.api.get(path).set('x-min-position', position);

  it('a page that finds its rows within the budget is answered', async () => {
    const page = await read(`/v1/timeline?talksId=${talksId}&limit=2`).expect(200);
    expect(page.body.items).toHaveLength(2);
  });

  it('a page whose filter matches nothing among more rows than the budget is a 422 READ.TOO_BROAD', async () => {
    expectProblem(await read(`/v1/timeline?talksId=${talksId}&minConfidence=confirmed`), 422, 'READ.TOO_BROAD');
    expectProblem(await read(`/v1/timeline?talksId=${talksId}&minConfidence=confirmed&knownAt=2100-01-01`), 422, 'READ.TOO_BROAD');
  });

  it('a page of one type looks only at claims of that type, however many of other types the track holds', async () => {
    const page = await read(`/v1/timeline?talksId=${talksId}&type=TalksOpened&type=TalksConcluded&limit=5`).expect(200);
    expect(page.body.items.map((item: { type: string }) => item.type)).toEqual(['TalksOpened']);
    await read(`/v1/timeline?type=TalksOpened&knownAt=2100-01-01&limit=5`).expect(200);
  });

  it('so is a status in the past that would fold more claims than the budget', async () => {
    expectProblem(await read(`/v1/talks/${talksId}?asOf=2100-01-01`), 422, 'READ.TOO_BROAD');
  });

  it('and the server goes on answering', async () => {
    await read(`/v1/talks/${talksId}`).expect(200);
  });
});
