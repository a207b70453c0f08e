import { GEO_PRECISIONS, GeoPrecision } from '@parley/domain';
import { ClaimData, ClaimType, isRecord, textOf } from './claim-data';

/**
 * Where a claim happened and who hosted it, read the same way whichever field holds it: a visit
 * keeps its place at the top of the claim (hostCountry, city, and since v2 coordinates and
 * geoPrecision), a meeting in `location`, every other claim that happens somewhere in `place`
 * (v2). A claim with no place, or an ill-shaped one, reads as no place.
 */
export type ClaimPlace = Readonly<{
  country: string;
  city?: string;
  coordinates?: Readonly<{ lat: number; lon: number }>;
  geoPrecision?: GeoPrecision;
}>;

const coordinatesOf = (value: unknown): ClaimPlace['coordinates'] =>
  isRecord(value) && typeof value.lat === 'number' && typeof value.lon === 'number' ? { lat: value.lat, lon: value.lon } : undefined;

const placeFrom = (record: Readonly<Record<string, unknown>>, countryField: string): ClaimPlace | undefined => {
  const country = textOf(record[countryField]);
  if (country === undefined) return undefined;
  const [city, coordinates] = [textOf(record.city), coordinatesOf(record.coordinates)];
  const geoPrecision = GEO_PRECISIONS.includes(record.geoPrecision as GeoPrecision) ? (record.geoPrecision as GeoPrecision) : undefined;
  return {
    country,
    ...(city === undefined ? {} : { city }),
    // A grade means nothing without the point it grades: read both or neither.
    ...(coordinates === undefined || geoPrecision === undefined ? {} : { coordinates, geoPrecision }),
  };
};

export const placeOf = (type: ClaimType, data: ClaimData): ClaimPlace | undefined => {
  if (type === 'EnvoyVisited') return placeFrom(data, 'hostCountry');
  const held = type === 'MeetingScheduled' || type === 'MeetingHeld' ? data.location : data.place;
  return isRecord(held) ? placeFrom(held, 'country') : undefined;
};

export const hostOf = (data: ClaimData): string | undefined => textOf(data.hostedBy);
