import { actorUpcasters } from '../actors/actor.upcasters';
import { talksUpcasters } from '../talks/talks.upcasters';
import { upcasterRegistry } from './upcaster-registry';

/** Every aggregate's upcasters, one table each: an aggregate whose events change adds its table here. */
export const EVENT_UPCASTERS = upcasterRegistry([talksUpcasters, actorUpcasters]);
