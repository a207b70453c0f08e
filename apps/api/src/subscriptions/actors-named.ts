import { CLAIM_FIELDS, FieldSpec } from '@parley/domain';

/**
 * The actor ids a talks event names in its own data, found where the domain's CLAIM_FIELDS
 * says actor ids sit, so a new actor field is followed without touching this file.
 */

type ActorShape = 'actor' | 'actors' | 'releases';
type ActorFields = ReadonlyMap<string, ActorShape>;

const isActorShape = (shape: FieldSpec['shape']): shape is ActorShape => shape === 'actor' || shape === 'actors' || shape === 'releases';

const actorFieldsOf = (fields: Readonly<Record<string, FieldSpec>>): ActorFields =>
  new Map(Object.entries(fields).flatMap(([field, { shape }]) => (isActorShape(shape) ? [[field, shape] as const] : [])));

const BY_CLAIM_TYPE: ReadonlyMap<string, ActorFields> = new Map(
  Object.entries(CLAIM_FIELDS as Readonly<Record<string, Readonly<Record<string, FieldSpec>>>>).map(([type, fields]) => [type, actorFieldsOf(fields)]),
);

// A correction does not say which type of claim it corrects; actor fields mean the same in every type.
const IN_ANY_CLAIM: ActorFields = new Map([...BY_CLAIM_TYPE.values()].flatMap((fields) => [...fields]));

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

const idsIn = (fields: ActorFields, data: Readonly<Record<string, unknown>>): string[] =>
  [...fields].flatMap(([field, shape]) => {
    const value = data[field];
    if (shape === 'actor') return typeof value === 'string' ? [value] : [];
    if (shape === 'actors') return texts(value);
    return Array.isArray(value) ? value.flatMap((release) => (isRecord(release) && typeof release.releasedBy === 'string' ? [release.releasedBy] : [])) : [];
  });

/** Ill-shaped data names no one: a recorded event never makes this throw. */
export const actorsNamedIn = (type: string, data: unknown): ReadonlySet<string> => {
  if (!isRecord(data)) return new Set();
  const claimFields = BY_CLAIM_TYPE.get(type);
  if (claimFields) return new Set(idsIn(claimFields, data));
  if (type === 'ClaimCorrected' && isRecord(data.changes)) return new Set(idsIn(IN_ANY_CLAIM, data.changes));
  return new Set();
};
