import { z } from 'zod';
import { languageSchema, roleSchema, safeString } from './common.ts';

export const loginBody = z
  .object({ username: safeString().min(1).max(200), password: safeString().min(1).max(500) })
  .strict();

export const logoutBody = z.object({ everywhere: z.boolean().optional() }).strict().optional();

export const changePasswordBody = z
  .object({ currentPassword: safeString().min(1).max(500), newPassword: safeString().min(10).max(500) })
  .strict();

export const languageBody = z.object({ language: languageSchema }).strict();

export const csrfResponse = z.object({ csrfToken: z.string() });

export const meResponse = z.object({
  person: z.object({
    id: z.uuid(),
    username: z.string(),
    name: z.string(),
    email: z.string(),
    profession: z.string().nullable(),
    language: languageSchema,
  }),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  roles: z.array(z.object({ role: roleSchema, unitId: z.uuid(), unitName: z.string() })),
  bodies: z.array(
    z.object({
      bodyId: z.uuid(),
      name: z.string(),
      kind: z.string(),
      role: z.enum(['chair', 'member', 'secretary']),
    }),
  ),
  /** what the UI may offer; the server checks again on every request */
  allowedActions: z.array(z.enum(['administer', 'viewAudit'])),
});
export type Me = z.infer<typeof meResponse>;
