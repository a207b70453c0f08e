/**
 * The seed story, as the article tells it: Steve Witkoff's visits and meetings in Russia,
 * the prisoner swap that freed Marc Fogel, and the Israel–Hamas ceasefire with 33 hostages
 * freed for nearly 2,000 Palestinian prisoners. Each claim cites the article (and the
 * sources it names) with the confidence the article gives it; where the article gives no
 * date, the date is the publicly reported one at the precision the article supports.
 */

export type Step = Readonly<{
  /** Stable per step: it is the Idempotency-Key, so running the demo twice records nothing new. */
  key: string;
  method: 'POST' | 'PATCH';
  /** A path, or one built from the event ids earlier steps recorded (by step key). */
  path: string | ((recorded: ReadonlyMap<string, string>) => string);
  body: Record<string, unknown>;
}>;

const ARTICLE = 'News report: "Trump\'s envoy Steve Witkoff likely to meet Putin in Russia"';

const article = (quote: string, confidence: 'rumoured' | 'reported' | 'confirmed' = 'reported', originator?: string) => ({
  sources: [{ publisher: ARTICLE, ...(originator ? { originator } : {}), publishedAt: '2025-04-11', quote }],
  confidence,
});

const tassViaArticle = (quote: string) => ({
  sources: [
    { publisher: 'TASS', quote },
    { publisher: ARTICLE, publishedAt: '2025-04-11', quote },
  ],
  confidence: 'reported' as const,
});

const actor = (id: string, name: string, kind: 'person' | 'state' | 'organisation', extra: Record<string, unknown> = {}): Step => ({
  key: `actor-${id}`,
  method: 'POST',
  path: '/v1/actors',
  body: { id, name, kind, ...extra },
});

const US_RUSSIA = '/v1/talks/us-russia-ukraine';
const GAZA = '/v1/talks/israel-hamas-hostages';

export const SEED_STORY: readonly Step[] = [
  actor('usa', 'United States', 'state', { country: 'USA' }),
  actor('rus', 'Russia', 'state', { country: 'RUS' }),
  actor('isr', 'Israel', 'state', { country: 'ISR' }),
  actor('qat', 'Qatar', 'state', { country: 'QAT' }),
  actor('egy', 'Egypt', 'state', { country: 'EGY' }),
  actor('hamas', 'Hamas', 'organisation', { country: 'PSE' }),
  actor('donald-trump', 'Donald Trump', 'person', { country: 'USA', title: 'President of the United States', represents: 'usa' }),
  actor('vladimir-putin', 'Vladimir Putin', 'person', { country: 'RUS', title: 'President of Russia', represents: 'rus' }),
  actor('steve-witkoff', 'Steve Witkoff', 'person', {
    country: 'USA',
    title: "US President Donald Trump's senior aide and envoy",
    represents: 'donald-trump',
    aliases: ['Steven Witkoff'],
  }),
  actor('kirill-dmitriev', 'Kirill Dmitriev', 'person', {
    country: 'RUS',
    title: "Putin's special envoy for investment and international economic affairs; head of the Russian Direct Investment Fund",
    represents: 'vladimir-putin',
  }),
  actor('dmitry-peskov', 'Dmitry Peskov', 'person', { country: 'RUS', title: 'Kremlin spokesperson', represents: 'vladimir-putin' }),
  actor('keith-kellogg', 'Keith Kellogg', 'person', {
    country: 'USA',
    title: "Retired Lt Gen; Trump's special envoy to Ukraine and Russia",
    represents: 'donald-trump',
  }),

  {
    key: 'open-us-russia-ukraine',
    method: 'POST',
    path: '/v1/talks',
    body: {
      id: 'us-russia-ukraine',
      title: 'US–Russia talks to end the war in Ukraine',
      subject: 'Ending the conflict in Ukraine and restoring US–Russia contacts',
      parties: ['usa', 'rus'],
      mediators: [],
      occurredAt: '2025-02-01',
      precision: 'month',
      provenance: article('after Moscow and Washington initiated their talks to end the conflict in Ukraine'),
    },
  },
  {
    key: 'visit-moscow-2025-02',
    method: 'POST',
    path: `${US_RUSSIA}/envoy-visits`,
    body: {
      envoyId: 'steve-witkoff',
      hostCountry: 'RUS',
      city: 'Moscow',
      purpose: 'Talks that led to the prisoner swap freeing Marc Fogel; the first senior American diplomat to visit Russia to meet Putin since the 2022 invasion',
      occurredAt: '2025-02-11',
      precision: 'day',
      provenance: article(
        "Witkoff also became the first senior American diplomat to visit Russia to meet Putin after Russia's full-scale invasion of Ukraine in 2022.",
      ),
    },
  },
  {
    key: 'fogel-swap',
    method: 'POST',
    path: `${US_RUSSIA}/prisoner-swaps`,
    body: {
      swapId: 'fogel-2025',
      releases: [{ person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus', detainedSince: '2021-08', sentence: '14 years' }],
      mediators: ['steve-witkoff', 'kirill-dmitriev'],
      occurredAt: '2025-02-11',
      precision: 'day',
      provenance: {
        sources: [
          {
            publisher: ARTICLE,
            publishedAt: '2025-04-11',
            quote:
              'Witkoff also flew to Russia for talks that led to a prisoner swap that freed Marc Fogel, an American history teacher the US had deemed wrongfully detained. Fogel was arrested in August 2021 and was serving a 14-year prison sentence.',
          },
          {
            publisher: ARTICLE,
            originator: 'Keith Kellogg',
            publishedAt: '2025-04-11',
            quote: 'He is credited with developing a rapport with his Russian interlocutor, Kirill Dmitriev ... during those successful negotiations',
          },
        ],
        confidence: 'reported',
      },
    },
  },
  {
    key: 'meeting-witkoff-putin-1',
    method: 'POST',
    path: `${US_RUSSIA}/meetings`,
    body: {
      meetingId: 'witkoff-putin-1',
      participants: ['steve-witkoff', 'vladimir-putin'],
      location: { country: 'RUS', city: 'Moscow' },
      format: 'in_person',
      summary: 'First meeting between Witkoff and Putin',
      occurredAt: '2025-02-11',
      precision: 'month',
      provenance: article('if Witkoff meets Putin, it would be their third meeting'),
    },
  },
  {
    key: 'meeting-witkoff-putin-2',
    method: 'POST',
    path: `${US_RUSSIA}/meetings`,
    body: {
      meetingId: 'witkoff-putin-2',
      participants: ['steve-witkoff', 'vladimir-putin'],
      location: { country: 'RUS', city: 'Moscow' },
      format: 'in_person',
      summary: 'Second meeting between Witkoff and Putin',
      occurredAt: '2025-03-13',
      precision: 'month',
      provenance: article('if Witkoff meets Putin, it would be their third meeting'),
    },
  },
  {
    key: 'meeting-dmitriev-washington',
    method: 'POST',
    path: `${US_RUSSIA}/meetings`,
    body: {
      meetingId: 'witkoff-dmitriev-washington',
      participants: ['steve-witkoff', 'kirill-dmitriev'],
      location: { country: 'USA', city: 'Washington' },
      format: 'in_person',
      summary: "Witkoff hosted Putin's envoy Kirill Dmitriev in Washington to break the deadlock in talks",
      occurredAt: '2025-04-02',
      precision: 'day',
      provenance: article("Last week, Witkoff also hosted Putin's envoy Kirill Dmitriev in Washington to break the deadlock in talks between both nations."),
    },
  },
  {
    key: 'visit-russia-2025-04',
    method: 'POST',
    path: `${US_RUSSIA}/envoy-visits`,
    body: {
      envoyId: 'steve-witkoff',
      hostCountry: 'RUS',
      city: 'Saint Petersburg',
      purpose: 'Talks on ending the war in Ukraine; may push to rekindle ceasefire talks',
      occurredAt: '2025-04-11',
      precision: 'day',
      provenance: article("US President Donald Trump's senior aide Steve Witkoff, who is currently in Russia"),
    },
  },
  {
    key: 'visit-russia-2025-04-confirmed',
    method: 'POST',
    path: (recorded) => `${US_RUSSIA}/claims/${recorded.get('visit-russia-2025-04')}/corrections`,
    body: {
      changes: {
        provenance: article("Kremlin spokesperson Dmitry Peskov confirmed Witkoff's visit to Russia", 'confirmed', 'Dmitry Peskov, Kremlin spokesperson'),
      },
      reason: 'The Kremlin confirmed the visit',
      occurredAt: '2025-04-11',
      precision: 'day',
      provenance: article("Kremlin spokesperson Dmitry Peskov confirmed Witkoff's visit to Russia", 'confirmed', 'Dmitry Peskov, Kremlin spokesperson'),
    },
  },
  {
    key: 'meeting-witkoff-dmitriev-2025-04-11',
    method: 'POST',
    path: `${US_RUSSIA}/meetings`,
    body: {
      meetingId: 'witkoff-dmitriev-2025-04-11',
      participants: ['steve-witkoff', 'kirill-dmitriev'],
      location: { country: 'RUS', city: 'Saint Petersburg' },
      format: 'in_person',
      summary: "Witkoff met Putin's special envoy for investment and international economic affairs",
      occurredAt: '2025-04-11',
      precision: 'day',
      provenance: tassViaArticle("held a meeting with Russian President Vladimir Putin's special envoy for investment and international economic affairs, according to TASS"),
    },
  },
  {
    key: 'meeting-witkoff-putin-3-expected',
    method: 'POST',
    path: `${US_RUSSIA}/scheduled-meetings`,
    body: {
      meetingId: 'witkoff-putin-3',
      participants: ['steve-witkoff', 'vladimir-putin'],
      location: { country: 'RUS' },
      expectedAt: '2025-04-11',
      occurredAt: '2025-04-11',
      precision: 'day',
      provenance: article(
        "Trump's envoy Steve Witkoff likely to meet Putin in Russia ... he did not specify whether Trump's top aide will meet Putin",
        'rumoured',
      ),
    },
  },

  {
    key: 'open-israel-hamas-hostages',
    method: 'POST',
    path: '/v1/talks',
    body: {
      id: 'israel-hamas-hostages',
      title: 'Israel–Hamas hostage and ceasefire talks',
      subject: 'A hostage release and temporary ceasefire in Gaza',
      parties: ['isr', 'hamas'],
      mediators: ['usa', 'qat', 'egy'],
      occurredAt: '2025-01-01',
      precision: 'month',
      provenance: article("Witkoff also went to the Mideast to begin work with Joe Biden's team on winning a hostage and temporary ceasefire deal between Israel and Hamas."),
    },
  },
  {
    key: 'visit-israel-2025-01',
    method: 'POST',
    path: `${GAZA}/envoy-visits`,
    body: {
      envoyId: 'steve-witkoff',
      hostCountry: 'ISR',
      city: 'Tel Aviv',
      purpose: 'Shuttle diplomacy for the hostage and ceasefire deal',
      occurredAt: '2025-01-01',
      precision: 'month',
      provenance: article('He was praised by Trump as he shuttled between Tel Aviv and Doha for helping seal the agreement'),
    },
  },
  {
    key: 'visit-qatar-2025-01',
    method: 'POST',
    path: `${GAZA}/envoy-visits`,
    body: {
      envoyId: 'steve-witkoff',
      hostCountry: 'QAT',
      city: 'Doha',
      purpose: 'Shuttle diplomacy for the hostage and ceasefire deal',
      occurredAt: '2025-01-01',
      precision: 'month',
      provenance: article('He was praised by Trump as he shuttled between Tel Aviv and Doha for helping seal the agreement'),
    },
  },
  {
    key: 'ceasefire-gaza-2025',
    method: 'POST',
    path: `${GAZA}/ceasefires`,
    body: {
      ceasefireId: 'gaza-2025-phase-1',
      parties: ['isr', 'hamas'],
      mediators: ['usa', 'qat', 'egy'],
      effectiveFrom: '2025-01-19',
      endsAt: '2025-03-01',
      terms: {
        hostagesToRelease: { best: 33 },
        prisonersToRelease: { best: 1900, low: 1800, high: 2000 },
        summary: 'A weekslong ceasefire: 33 hostages freed from Hamas captivity in exchange for nearly 2,000 Palestinian prisoners',
      },
      occurredAt: '2025-01-15',
      precision: 'day',
      provenance: article('helping seal the agreement that led to a weekslong ceasefire and 33 hostages being freed from Hamas captivity'),
    },
  },
  {
    key: 'hostages-freed-gaza-2025',
    method: 'POST',
    path: `${GAZA}/hostage-releases`,
    body: {
      ceasefireId: 'gaza-2025-phase-1',
      count: { best: 33 },
      releasedBy: 'hamas',
      prisonersReleasedInExchange: { best: 1900, low: 1800, high: 2000 },
      occurredAt: '2025-02-01',
      precision: 'month',
      provenance: article('33 hostages being freed from Hamas captivity in exchange for the release of nearly 2,000 Palestinian prisoners'),
    },
  },
];
