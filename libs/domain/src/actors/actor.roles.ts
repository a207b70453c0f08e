import { canCarry, parseIsoDate, Period, periodOf } from '../shared/dates';
import { RoleDate } from './actor.events';

/**
 * What an actor was from a date: its title and whom it represented, together. Each role lasts
 * until the next one begins; a role without `validFrom` is held since before any record.
 */
export type ActorRole = Readonly<{ title?: string; represents?: string; validFrom?: RoleDate }>;

/** A role with when it ended, as readers see it: `validUntil` is the next role's start. */
export type RolePeriod = ActorRole & Readonly<{ validUntil?: RoleDate }>;

/** The span a role date covers ("from March 2025" is all of March), or undefined when it cannot be read. */
export const roleDatePeriod = (date: RoleDate): Period | undefined => {
  const parsed = parseIsoDate(date.at);
  if (!parsed) return undefined;
  return canCarry(parsed.grain, date.precision) ? periodOf(parsed, date.precision) : periodOf(parsed);
};

/** The instant a role begins counting: the first moment its date can mean; since always without one. */
const roleStart = (role: ActorRole): number => (role.validFrom ? (roleDatePeriod(role.validFrom)?.earliest ?? -Infinity) : -Infinity);

/** A role of only the fields it has, so that an absent title stays absent (not `undefined`). */
export const roleOf = (title: string | undefined, represents: string | undefined, validFrom: RoleDate | undefined): ActorRole => ({
  ...(title === undefined ? {} : { title }),
  ...(represents === undefined ? {} : { represents }),
  ...(validFrom === undefined ? {} : { validFrom }),
});

/**
 * The role held at an instant: the latest recorded whose start has come (a vague start counts
 * from its first moment). Before the first dated role, none. Roles are recorded in order, so
 * the latest recorded is the one that replaced the others.
 */
export const roleOn = (roles: readonly ActorRole[], instant: number): ActorRole | undefined => {
  for (let i = roles.length - 1; i >= 0; i--) if (roleStart(roles[i]) <= instant) return roles[i];
  return undefined;
};

/** The roles as periods: each ends where the next begins. */
export const rolePeriods = (roles: readonly ActorRole[]): RolePeriod[] =>
  roles.map((role, index) => {
    const next = roles[index + 1]?.validFrom;
    return next === undefined ? role : { ...role, validUntil: next };
  });

/** The inverse of `rolePeriods`. */
export const rolesOfPeriods = (periods: readonly RolePeriod[]): ActorRole[] =>
  periods.map(({ validUntil: _until, ...role }) => role);
