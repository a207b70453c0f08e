import { getActorProfile } from '../actors/actors.queries';
import type { ProjectionContext } from '../projection';
import { getStatus } from '../talks/talks.queries';
import { CrosswalkSetting } from './crosswalk';

/**
 * What the crosswalk needs around each claim, read from the live read models once per actor and
 * per track for the length of one export: each actor's registered country, each track's parties.
 */
export const exportSettings = (talks: ProjectionContext, actors: ProjectionContext): ((talksId: string) => CrosswalkSetting) => {
  const countries = new Map<string, string | undefined>();
  const countryOf = (actorId: string): string | undefined => {
    if (!countries.has(actorId)) countries.set(actorId, getActorProfile(actors, actorId)?.country);
    return countries.get(actorId);
  };
  const settings = new Map<string, CrosswalkSetting>();
  return (talksId) => {
    let setting = settings.get(talksId);
    if (!setting) {
      setting = { countryOf, trackParties: getStatus(talks, talksId)?.parties ?? [] };
      settings.set(talksId, setting);
    }
    return setting;
  };
};
