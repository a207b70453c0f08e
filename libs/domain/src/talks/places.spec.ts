import { Place } from '../shared/claim';
import { specify, withId } from '../testing/given-when-then';
import { brokered, commandFor, corrected, held, opened, released, scheduled, swapped, violated, visited } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';
import { TalksClaim } from './talks.events';

const { given } = specify(talksDecider);
const track = [opened(), brokered()];

const istanbul: Place = { country: 'TUR', city: 'Istanbul', coordinates: { lat: 41.0082, lon: 28.9784 }, geoPrecision: 'exact' };

/** Every claim that happens somewhere, with its place put where that claim keeps it. */
const placedClaims = (place: Partial<Place>): readonly [string, TalksClaim, string][] => [
  ['a visit (place at the top of the claim)', visited({ coordinates: place.coordinates, geoPrecision: place.geoPrecision }), ''],
  ['a scheduled meeting', scheduled({ location: { country: 'TUR', ...place } as Place }), 'location.'],
  ['a held meeting', held({ location: { country: 'TUR', ...place } as Place }), 'location.'],
  ['a swap', swapped({ place: { country: 'TUR', ...place } as Place }), 'place.'],
  ['a ceasefire brokered', brokered({ ceasefireId: 'another-truce', place: { country: 'TUR', ...place } as Place }), 'place.'],
  ['a hostage release', released({ place: { country: 'TUR', ...place } as Place }), 'place.'],
  ['a violation', violated({ place: { country: 'TUR', ...place } as Place }), 'place.'],
];

describe('places', () => {
  it.each(placedClaims(istanbul))('records %s with coordinates and their grade', (_name, claim) => {
    given(track).when(commandFor(claim)).thenEvents([claim]);
  });

  it.each(placedClaims({ city: 'Istanbul' }))('records %s with a place and no coordinates, as v1 did', (_name, claim) => {
    given(track).when(commandFor(claim)).thenAccepted();
  });

  it.each(placedClaims({ coordinates: { lat: 91, lon: 28.9 }, geoPrecision: 'near' }))('refuses %s with a latitude beyond 90°', (_name, claim, prefix) => {
    given(track).when(commandFor(claim)).thenError('PLACE.COORDINATES_OUT_OF_RANGE', `${prefix}coordinates.lat`);
  });

  it.each(placedClaims({ coordinates: { lat: 41, lon: -180.5 }, geoPrecision: 'near' }))('refuses %s with a longitude beyond 180°', (_name, claim, prefix) => {
    given(track).when(commandFor(claim)).thenError('PLACE.COORDINATES_OUT_OF_RANGE', `${prefix}coordinates.lon`);
  });

  it.each(placedClaims({ coordinates: { lat: 41, lon: 29 } }))('refuses %s with coordinates but no grade', (_name, claim, prefix) => {
    given(track).when(commandFor(claim)).thenError('PLACE.COORDINATES_WITHOUT_PRECISION', `${prefix}geoPrecision`);
  });

  it.each(placedClaims({ geoPrecision: 'region' }))('refuses %s with a grade but no coordinates', (_name, claim, prefix) => {
    given(track).when(commandFor(claim)).thenError('PLACE.PRECISION_WITHOUT_COORDINATES', `${prefix}geoPrecision`);
  });

  it('accepts the edges of the globe and every grade', () => {
    for (const geoPrecision of ['exact', 'near', 'region', 'country'] as const) {
      given(track).when(commandFor(swapped({ place: { country: 'FJI', coordinates: { lat: -90, lon: 180 }, geoPrecision } }))).thenAccepted();
    }
  });

  it('re-runs the place rules on a corrected claim', () => {
    const history = [...track, withId('swap', swapped({ place: istanbul })), withId('visit', visited())];
    const correct = (eventId: string, changes: Record<string, unknown>) => commandFor(corrected({ eventId, changes }));
    given(history).when(correct('swap', { place: { ...istanbul, coordinates: { lat: 41, lon: 200 } } })).thenError('PLACE.COORDINATES_OUT_OF_RANGE', 'changes.place.coordinates.lon');
    given(history).when(correct('visit', { coordinates: { lat: 59.9, lon: 30.3 } })).thenError('PLACE.COORDINATES_WITHOUT_PRECISION', 'geoPrecision');
    given(history).when(correct('visit', { coordinates: { lat: 59.9, lon: 30.3 }, geoPrecision: 'near' })).thenAccepted();
    given([...history, corrected({ eventId: 'visit', changes: { coordinates: { lat: 59.9, lon: 30.3 }, geoPrecision: 'near' } })])
      .when(correct('visit', { coordinates: null }))
      .thenError('PLACE.PRECISION_WITHOUT_COORDINATES', 'geoPrecision');
  });

  it('refuses a correction whose place has the wrong shape', () => {
    const history = [...track, withId('swap', swapped())];
    given(history).when(commandFor(corrected({ eventId: 'swap', changes: { place: { country: 'TUR', geoPrecision: 'street' } } }))).thenError('CLAIM.INVALID_VALUE', 'changes.place');
  });
});

describe('hosts', () => {
  it('records who hosted, besides the mediators', () => {
    const claim = swapped({ mediators: ['sau'], hostedBy: 'sau', place: { country: 'SAU', city: 'Riyadh' } });
    given(track).when(commandFor(claim)).thenEvents([claim]);
    given(track).when(commandFor(held({ hostedBy: 'mbs' }))).thenAccepted();
    given(track).when(commandFor(visited({ hostedBy: 'rus' }))).thenAccepted();
  });

  it.each([
    ['a visit', visited({ hostedBy: 'tur' })],
    ['a scheduled meeting', scheduled({ hostedBy: 'tur' })],
    ['a held meeting', held({ hostedBy: 'tur' })],
    ['a swap', swapped({ hostedBy: 'tur' })],
    ['a ceasefire brokered', brokered({ ceasefireId: 'another-truce', hostedBy: 'tur' })],
    ['a hostage release', released({ hostedBy: 'tur' })],
  ])('refuses %s hosted by an unregistered actor', (_name, claim) => {
    given(track).when(commandFor(claim)).thenError('ACTOR.UNKNOWN', 'hostedBy');
  });

  it('checks the host a correction names', () => {
    given([...track, withId('meet', held())]).when(commandFor(corrected({ eventId: 'meet', changes: { hostedBy: 'tur' } }))).thenError('ACTOR.UNKNOWN', 'changes.hostedBy');
  });
});
