import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/access.ts';
import { assertAllowed, requireActor } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';

export interface RouteDeps {
  config: Config;
  database: Database;
}

/**
 * A route-level preParsing hook for policies that need only the actor (organisation administrator):
 * it runs after the platform has loaded the actor and checked `config.access`, and before the body
 * is read, so a refused caller cannot make the server parse a large upload.
 */
export function beforeBody(policy: (actor: Actor) => boolean, code: string) {
  return async (request: FastifyRequest): Promise<void> => {
    assertAllowed(policy(requireActor(request.actor)), code);
  };
}

/** DELETE and other answers without a body. */
export const noContent = { 204: z.null() };
