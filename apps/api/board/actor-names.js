import { getJson } from './api.js';

/** Actor ids are slugs; analysts read names. Each actor is asked for once per page load. */
const names = new Map();
const asked = new Map();

export const nameOf = (actorId) => names.get(actorId) ?? actorId;

/** Resolves once every id's name is known (or known to be missing: then the id stands for it). */
export function loadNames(actorIds) {
  return Promise.all(
    [...new Set(actorIds)].map((actorId) => {
      if (!asked.has(actorId)) {
        asked.set(
          actorId,
          getJson(`/v1/actors/${encodeURIComponent(actorId)}`).then(
            (actor) => names.set(actorId, actor.name),
            () => undefined,
          ),
        );
      }
      return asked.get(actorId);
    }),
  );
}

/** Every actor a status names: parties, mediators, the next meeting's participants, the ceasefire's host. */
export const actorsOfStatus = (status) =>
  [...status.parties, ...status.mediators, ...(status.nextMeeting?.participants ?? []), status.ceasefire?.hostedBy].filter(Boolean);
