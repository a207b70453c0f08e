import { Place } from './claim';
import { rejection, Verdict } from './error-codes';

const inRange = (value: unknown, limit: number): boolean => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

/**
 * Coordinates in range, and always with their grade (as in ACLED and UCDP, a point means nothing
 * without what it stands for); a grade never without coordinates. `field` prefixes the fields
 * named: `place`, `location`, or '' for a visit, whose place sits at the top of the claim.
 */
export const checkPlace = (place: Partial<Place> | undefined, field: string): Verdict => {
  if (place === undefined) return undefined;
  const at = (name: string) => (field === '' ? name : `${field}.${name}`);
  const { coordinates, geoPrecision } = place;
  if (coordinates === undefined) {
    return geoPrecision === undefined
      ? undefined
      : rejection('PLACE.PRECISION_WITHOUT_COORDINATES', `${at('geoPrecision')} grades coordinates; none were given.`, at('geoPrecision'));
  }
  for (const [name, limit] of [['lat', 90], ['lon', 180]] as const) {
    const value = (coordinates as Record<string, unknown>)[name];
    if (!inRange(value, limit)) {
      return rejection('PLACE.COORDINATES_OUT_OF_RANGE', `${at(`coordinates.${name}`)} (${String(value)}) must be within ±${limit}.`, at(`coordinates.${name}`));
    }
  }
  return geoPrecision === undefined
    ? rejection('PLACE.COORDINATES_WITHOUT_PRECISION', `${at('coordinates')} need a geoPrecision (exact, near, region or country).`, at('geoPrecision'))
    : undefined;
};
