import { TimelineItem } from '../talks/talks.queries';
import { ClaimChange } from './claim-change';
import { CLAIM_ALONE } from './crosswalk';
import { datasetRecords, selectFields } from './dataset-record';
import { readSourcesCell, sourcesCell } from './source-cell';

const item = (overrides: Partial<TimelineItem> = {}): TimelineItem => ({
  eventId: 'e1',
  talksId: 't',
  type: 'MeetingHeld',
  occurredAt: '2025-02',
  occurredUntil: null,
  precision: 'month',
  confidence: 'reported',
  stance: 'disputed',
  summary: 's',
  note: 'Venue from one source only',
  actors: [{ actorId: 'a', role: 'participant' }, { actorId: 'b', role: 'participant' }],
  countries: ['TUR'],
  cameo: '040',
  plover: 'CONSULT',
  sources: ['Reuters', 'AP'],
  data: {
    participants: ['a', 'b'],
    format: 'in_person',
    location: { country: 'TUR' },
    provenance: { sources: [{ publisher: 'Reuters', originator: 'Qatar MFA', stance: 'denies' }, { publisher: 'AP' }], confidence: 'reported' },
  },
  corrected: 1,
  revision: 3,
  position: '10',
  recordedAt: '2025-03-01T00:00:00.000Z',
  ...overrides,
});

const change = (kind: ClaimChange['change'], overrides: Partial<TimelineItem> = {}): ClaimChange => ({ item: item(overrides), change: kind, changePosition: '12' });

describe('dataset records', () => {
  it('a claim row: precision as word and code, the period it can mean, the place and how precise it is, the sources', () => {
    const [row] = datasetRecords('claims', change('corrected'), CLAIM_ALONE);
    expect(row).toMatchObject({
      change: 'corrected',
      changePosition: '12',
      version: 1,
      timePrecision: 'month',
      timePrecisionCode: 4,
      earliest: '2025-02-01',
      latest: '2025-02-28',
      placeCountry: 'TUR',
      placeCity: null,
      geoPrecision: 'country',
      geoPrecisionCode: 4,
      latitude: null,
      longitude: null,
      hostedBy: null,
      sourceCount: 2,
      publishers: 'Reuters;AP',
      originators: 'Qatar MFA',
      sources: 'Reuters (Qatar MFA); AP',
      stance: 'disputed',
      stances: 'denies;asserts',
      note: 'Venue from one source only',
      actors: 'a:participant;b:participant',
      cameo: '040',
      ploverMode: null,
    });
  });

  it('an exact date means one instant; a city is the finer place', () => {
    const [row] = datasetRecords('claims', change('created', { occurredAt: '2025-02-11T10:00:00Z', precision: 'exact', data: { location: { country: 'TUR', city: 'Istanbul' } } }), CLAIM_ALONE);
    expect(row).toMatchObject({ timePrecisionCode: 1, earliest: '2025-02-11T10:00:00.000Z', latest: '2025-02-11T10:00:00.000Z', geoPrecision: 'city', geoPrecisionCode: 1, sourceCount: 0, sources: '' });
  });

  it('a place with coordinates: its grade as word and ACLED-like code, the point, the host', () => {
    const grade = (geoPrecision: string) =>
      datasetRecords('claims', change('created', { data: { location: { country: 'TUR', city: 'Istanbul', coordinates: { lat: 41.0082, lon: 28.9784 }, geoPrecision }, hostedBy: 'tur' } }), CLAIM_ALONE)[0];
    expect(grade('exact')).toMatchObject({ placeCountry: 'TUR', placeCity: 'Istanbul', geoPrecision: 'exact', geoPrecisionCode: 1, latitude: 41.0082, longitude: 28.9784, hostedBy: 'tur' });
    expect(grade('near')).toMatchObject({ geoPrecision: 'near', geoPrecisionCode: 2 });
    expect(grade('region')).toMatchObject({ geoPrecision: 'region', geoPrecisionCode: 3 });
    expect(grade('country')).toMatchObject({ geoPrecision: 'country', geoPrecisionCode: 4 });
  });

  it('reads the place of any claim that has one: a swap, a visit, a violation', () => {
    const placed = (type: TimelineItem['type'], data: Record<string, unknown>) => datasetRecords('claims', change('created', { type, data }), CLAIM_ALONE)[0];
    expect(placed('PrisonerSwapped', { place: { country: 'ARE', city: 'Abu Dhabi' } })).toMatchObject({ placeCountry: 'ARE', placeCity: 'Abu Dhabi', geoPrecisionCode: 1 });
    expect(placed('EnvoyVisited', { hostCountry: 'RUS', coordinates: { lat: 55.75, lon: 37.62 }, geoPrecision: 'near' })).toMatchObject({ placeCountry: 'RUS', geoPrecision: 'near', latitude: 55.75 });
    expect(placed('CeasefireViolated', {})).toMatchObject({ placeCountry: null, geoPrecision: null, geoPrecisionCode: null, latitude: null });
  });

  it('a retraction is one tombstone row with the keys only, in either shape', () => {
    expect(datasetRecords('claims', change('retracted'), CLAIM_ALONE)).toEqual([{ change: 'retracted', changePosition: '12', eventId: 'e1', version: 1, talksId: 't', type: 'MeetingHeld' }]);
    expect(datasetRecords('dyadic', change('retracted'), CLAIM_ALONE)).toEqual([
      { change: 'retracted', changePosition: '12', eventId: 'e1', version: 1, talksId: 't', type: 'MeetingHeld', dyad: null },
    ]);
  });

  it('dyadic rows number their pairs; a claim relating no actors has none', () => {
    expect(datasetRecords('dyadic', change('created'), CLAIM_ALONE).map((row) => [row.dyad, row.sourceActor, row.targetActor])).toEqual([
      [0, 'a', 'b'],
      [1, 'b', 'a'],
    ]);
    expect(datasetRecords('dyadic', change('created', { type: 'TalksStalled', data: { reason: 'r' } }), CLAIM_ALONE)).toEqual([]);
  });

  it('fields cut a row to the columns asked for, in the export’s order, keys always kept; a tombstone fills the rest with null', () => {
    const { columns, pick } = selectFields('dyadic', ['cameo', 'sourceActor']);
    expect(columns).toEqual(['change', 'changePosition', 'eventId', 'dyad', 'sourceActor', 'cameo']);
    expect(pick(datasetRecords('dyadic', change('retracted'), CLAIM_ALONE)[0])).toEqual({ change: 'retracted', changePosition: '12', eventId: 'e1', dyad: null, sourceActor: null, cameo: null });
  });
});

describe('the sources cell', () => {
  it('reads back what it wrote, marks inside names escaped', () => {
    const sources = [{ publisher: 'Reuters', originator: 'Qatar MFA' }, { publisher: 'AP' }, { publisher: 'Le Monde; (Paris)', originator: 'Élysée \\ Office' }];
    expect(sourcesCell(sources)).toBe('Reuters (Qatar MFA); AP; Le Monde\\; \\(Paris\\) (Élysée \\\\ Office)');
    expect(readSourcesCell(sourcesCell(sources))).toEqual(sources);
  });
});
