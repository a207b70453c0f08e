import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { rejection, Verdict } from '../shared/error-codes';
import { ActorCommand, RegisterActor, UpdateActor } from './actor.commands';
import { checkDatesARole, checkRoleDate, checkRoleNotBeforeCurrent } from './actor-role.rules';
import { ActorEvent, ActorProfile, ActorUpdated, RoleDate } from './actor.events';
import { actorStateCodec } from './actor.snapshot';
import { ActorState, changesRole, evolveActor, initialActorState } from './actor.state';

type Changes = ActorUpdated['data']['changes'];

/** An envoy's principal is another registered actor. */
const checkRepresents = (actorId: string, represents: string | null | undefined, registered: ReadonlySet<string>, field: string): Verdict => {
  if (represents === undefined || represents === null) return undefined;
  if (represents === actorId) return rejection('ACTOR.REPRESENTS_ITSELF', `Actor '${actorId}' cannot represent itself.`, field);
  return registered.has(represents) ? undefined : rejection('ACTOR.UNKNOWN', `Actor '${represents}' is not registered.`, field);
};

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, index) => item === b[index]) : a === b;

/** Only the changes that differ from the profile (a cleared field that is absent is no change). */
const effectiveChanges = (profile: ActorProfile, changes: Changes): Changes =>
  Object.fromEntries(
    Object.entries(changes).filter(
      ([key, value]) => value !== undefined && !sameValue(value ?? undefined, (profile as Record<string, unknown>)[key]),
    ),
  );

const register = ({ data, metadata }: RegisterActor, state: ActorState): readonly ActorEvent[] | DomainError => {
  if (state.status === 'registered') {
    return rejection('ACTOR.ALREADY_REGISTERED', `Actor '${data.actorId}' is already registered.`, 'actorId');
  }
  return (
    checkRepresents(data.actorId, data.represents, metadata.registeredActors, 'represents') ??
    checkDatesARole(data.validFrom, data.title !== undefined || data.represents !== undefined) ??
    checkRoleDate(data.validFrom, metadata.now) ?? [{ type: 'ActorRegistered', data: { ...data, registeredAt: metadata.now.toISOString() } }]
  );
};

/** An update of nothing is refused; an update that changes nothing records nothing. */
const update = ({ data, metadata }: UpdateActor, state: ActorState): readonly ActorEvent[] | DomainError => {
  if (state.status === 'unregistered') return rejection('ACTOR.NOT_FOUND', `Actor '${data.actorId}' is not registered.`, 'actorId');
  const given = Object.entries(data.changes ?? {}).filter(([, value]) => value !== undefined);
  if (given.length === 0) return rejection('ACTOR.EMPTY_UPDATE', 'An update must change at least one field.', 'changes');
  const invalid =
    checkRepresents(state.actorId, data.changes.represents, metadata.registeredActors, 'changes.represents') ??
    checkDatesARole(data.validFrom, changesRole(data.changes)) ??
    checkRoleDate(data.validFrom, metadata.now);
  if (invalid) return invalid;
  const changes = effectiveChanges(state.profile, data.changes);
  if (Object.keys(changes).length === 0) return [];
  const updatedAt = metadata.now.toISOString();
  if (!changesRole(changes)) return [{ type: 'ActorUpdated', data: { actorId: state.actorId, changes, updatedAt } }];
  // A change of role made without a date is dated by the clock: the role is held from now.
  const validFrom: RoleDate = data.validFrom ?? { at: updatedAt, precision: 'exact' };
  const outOfOrder = checkRoleNotBeforeCurrent(validFrom, state.roles[state.roles.length - 1]);
  if (outOfOrder) return outOfOrder;
  return [{ type: 'ActorUpdated', data: { actorId: state.actorId, changes, validFrom, updatedAt } }];
};

const decide = (command: ActorCommand, state: ActorState): readonly ActorEvent[] | DomainError => {
  switch (command.type) {
    case 'RegisterActor':
      return register(command, state);
    case 'UpdateActor':
      return update(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

const referencedActors = (command: Omit<ActorCommand, 'metadata'>): readonly string[] => {
  const represents = 'changes' in command.data ? command.data.changes?.represents : command.data.represents;
  return typeof represents === 'string' ? [represents] : [];
};

export const actorDecider: Decider<ActorCommand, ActorEvent, ActorState> = {
  initialState: initialActorState,
  // Stored events reach the fold through the upcasting store: always the current shapes.
  evolve: evolveActor,
  decide,
  referencedActors,
  snapshot: actorStateCodec,
};
