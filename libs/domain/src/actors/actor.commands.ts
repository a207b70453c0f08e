import { Command } from '../shared/event';
import { ActorRegistered, ActorUpdated } from './actor.events';

/** `registeredAt`/`updatedAt` come from the command's clock, not from the caller. */
export type RegisterActor = Command<'RegisterActor', Omit<ActorRegistered['data'], 'registeredAt'>>;
export type UpdateActor = Command<'UpdateActor', Omit<ActorUpdated['data'], 'updatedAt'>>;

export type ActorCommand = RegisterActor | UpdateActor;
