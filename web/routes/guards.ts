import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import type { Me } from '../../contracts/auth.ts';
import type { Role } from '../../contracts/common.ts';
import { isApiError } from '../api.ts';
import { applyLanguage } from '../i18n/index.ts';
import { canAdminister, canKeepOrganisationConfig, meQuery } from '../session.ts';

/** Loads the signed-in person, or sends the browser to the sign-in page and back afterwards. */
export async function requireMe(queryClient: QueryClient, returnTo: string): Promise<Me> {
  try {
    const me = await queryClient.ensureQueryData(meQuery);
    await applyLanguage(me.person.language);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      throw redirect({ to: '/signin', search: { redirect: returnTo } });
    }
    throw error;
  }
}

export function requireAdministrator(me: Me): void {
  if (!canAdminister(me)) throw redirect({ to: '/' });
}

/** The organisation's settings: its administrators only; anyone else is sent home, as from /admin. */
export function requireOrganisationAdministrator(me: Me): void {
  if (!canKeepOrganisationConfig(me)) throw redirect({ to: '/' });
}

/** A page for people holding one of these roles (statistics: managers and quality coordinators). */
export function requireRole(me: Me, roles: readonly Role[]): void {
  if (!me.roles.some((r) => roles.includes(r.role))) throw redirect({ to: '/' });
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
