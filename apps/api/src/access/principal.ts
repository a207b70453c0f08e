import { FastifyRequest } from 'fastify';
import { Role } from './roles';

/** Who is calling: the API key's name (it becomes `recordedBy`) and its role. */
export type Principal = Readonly<{ name: string; role: Role }>;

type WithPrincipal = FastifyRequest & { principal?: Principal };

export const principalOf = (request: FastifyRequest): Principal | undefined => (request as WithPrincipal).principal;

export const setPrincipal = (request: FastifyRequest, principal: Principal): void => {
  (request as WithPrincipal).principal = principal;
};
