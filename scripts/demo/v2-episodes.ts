import type { Step } from './seed-story';

/**
 * Two documented episodes the first model could not hold without inventing facts, recorded as an
 * analyst would state them from the public reporting of the day:
 * - the exchange of 1 August 2024 at Ankara: 26 people, of whom the reports name many; five are
 *   named here, the total carries the rest; Turkey hosted it;
 * - the Israel–Hamas truce of November 2023: four days from the 24th, extended twice, collapsed on
 *   1 December; 105 hostages freed over the days of the truce, not on one day.
 * Both tracks were already under way when we started to follow them: their openings carry no
 * date and no source; the claims inside do.
 */

const ANKARA = '/v1/talks/russia-west-exchange-2024';
const TRUCE = '/v1/talks/israel-hamas-truce-2023';

const reuters = (publishedAt: string, confidence: 'reported' | 'confirmed' = 'confirmed', originator?: string) => ({
  sources: [{ publisher: 'Reuters', publishedAt, ...(originator ? { originator } : {}) }],
  confidence,
});

const actor = (id: string, name: string, kind: 'person' | 'state' | 'organisation', extra: Record<string, unknown> = {}): Step => ({
  key: `actor-${id}`,
  method: 'POST',
  path: '/v1/actors',
  body: { id, name, kind, ...extra },
});

const prisoner = (person: string, nationality: string, releasedBy: string, releasedTo: string, detainedSince: string, sentence: string) => ({
  person,
  nationality,
  releasedBy,
  releasedTo,
  detainedSince,
  sentence,
});

export const V2_EPISODES: readonly Step[] = [
  actor('tur', 'Türkiye', 'state', { country: 'TUR' }),
  actor('deu', 'Germany', 'state', { country: 'DEU' }),
  actor('blr', 'Belarus', 'state', { country: 'BLR' }),

  {
    key: 'open-russia-west-exchange-2024',
    method: 'POST',
    path: '/v1/talks',
    body: {
      id: 'russia-west-exchange-2024',
      title: 'Russia–West prisoner exchange, 2024',
      subject: 'The release of Americans, Germans and Russian dissidents held in Russia and Belarus in exchange for Russians held in the West',
      parties: ['rus', 'usa', 'deu', 'blr'],
      mediators: ['tur'],
      note: 'Followed from the day of the exchange; the months of negotiation before it are not recorded here.',
    },
  },
  {
    key: 'ankara-exchange-2024-08-01',
    method: 'POST',
    path: `${ANKARA}/prisoner-swaps`,
    body: {
      swapId: 'ankara-2024-08-01',
      total: { best: 26 },
      releases: [
        prisoner('Evan Gershkovich', 'USA', 'rus', 'usa', '2023-03', '16 years'),
        prisoner('Paul Whelan', 'USA', 'rus', 'usa', '2018-12', '16 years'),
        prisoner('Alsu Kurmasheva', 'USA', 'rus', 'usa', '2023-06', '6 years 6 months'),
        prisoner('Vladimir Kara-Murza', 'RUS', 'rus', 'deu', '2022-04', '25 years'),
        prisoner('Vadim Krasikov', 'RUS', 'deu', 'rus', '2019-08', 'life'),
      ],
      mediators: ['tur'],
      hostedBy: 'tur',
      place: { country: 'TUR', city: 'Ankara', geoPrecision: 'exact', coordinates: { lat: 40.128, lon: 32.995 } },
      occurredAt: '2024-08-01',
      precision: 'day',
      note: '24 adults and two children in all: 16 freed by Russia and Belarus, 10 by the United States, Germany, Poland, Slovenia and Norway. Five are named here.',
      provenance: reuters('2024-08-01', 'confirmed', 'Turkish intelligence agency MIT'),
    },
  },

  {
    key: 'open-israel-hamas-truce-2023',
    method: 'POST',
    path: '/v1/talks',
    body: {
      id: 'israel-hamas-truce-2023',
      title: 'Israel–Hamas truce and hostage releases, November 2023',
      subject: 'A pause in the fighting in Gaza in exchange for hostages held by Hamas and Palestinian prisoners held by Israel',
      parties: ['isr', 'hamas'],
      mediators: ['qat', 'egy', 'usa'],
    },
  },
  {
    key: 'truce-2023-brokered',
    method: 'POST',
    path: `${TRUCE}/ceasefires`,
    body: {
      ceasefireId: 'gaza-2023-truce',
      parties: ['isr', 'hamas'],
      mediators: ['qat', 'egy', 'usa'],
      effectiveFrom: '2023-11-24',
      endsAt: '2023-11-28',
      terms: {
        hostagesToRelease: { best: 50 },
        prisonersToRelease: { best: 150 },
        summary: 'A four-day pause: 50 women and children held in Gaza for 150 Palestinian women and minors; a further day for each 10 more hostages',
      },
      place: { country: 'QAT', city: 'Doha' },
      hostedBy: 'qat',
      occurredAt: '2023-11-22',
      precision: 'day',
      provenance: reuters('2023-11-22', 'confirmed', 'Qatar Ministry of Foreign Affairs'),
    },
  },
  {
    key: 'truce-2023-extended-1',
    method: 'POST',
    path: `${TRUCE}/ceasefires/gaza-2023-truce/extensions`,
    body: {
      endsAt: '2023-11-30',
      terms: { hostagesToRelease: { best: 20 }, prisonersToRelease: { best: 60 }, summary: 'Two more days on the same terms' },
      occurredAt: '2023-11-27',
      precision: 'day',
      provenance: reuters('2023-11-27', 'confirmed', 'Qatar Ministry of Foreign Affairs'),
    },
  },
  {
    key: 'truce-2023-extended-2',
    method: 'POST',
    path: `${TRUCE}/ceasefires/gaza-2023-truce/extensions`,
    body: {
      endsAt: '2023-12-01',
      terms: { summary: 'One more day, agreed minutes before the truce was due to end' },
      occurredAt: '2023-11-30',
      precision: 'day',
      provenance: reuters('2023-11-30', 'confirmed', 'Qatar Ministry of Foreign Affairs'),
    },
  },
  {
    key: 'truce-2023-hostages-freed',
    method: 'POST',
    path: `${TRUCE}/hostage-releases`,
    body: {
      ceasefireId: 'gaza-2023-truce',
      count: { best: 105 },
      releasedBy: 'hamas',
      prisonersReleasedInExchange: { best: 240 },
      occurredAt: '2023-11-24',
      occurredUntil: '2023-11-30',
      precision: 'day',
      note: 'Released in groups on each day of the truce; 81 Israelis and dual nationals and 24 foreign nationals, most of them Thai.',
      provenance: reuters('2023-12-01'),
    },
  },
  {
    key: 'truce-2023-ended',
    method: 'POST',
    path: `${TRUCE}/ceasefires/gaza-2023-truce/end`,
    body: {
      reason: 'collapsed',
      occurredAt: '2023-12-01',
      precision: 'day',
      provenance: reuters('2023-12-01'),
    },
  },
];
