import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { CaseChange, Deviation } from '../../../../contracts/deviations.ts';
import { type ApiError, isApiError } from '../../../api.ts';
import { acceptCase } from '../api.ts';

export interface CaseContextValue {
  deviation: Deviation;
  /** someone else changed the case since it was loaded: the page says what changed and offers a reload */
  reportConflict: (changes: CaseChange[]) => void;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCase(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCase used outside a case page');
  return value;
}

/**
 * Runs one change of the case: the server's answer replaces the cached case; a stale version (409
 * deviation.changed_meanwhile) raises the page's reload notice, and the error still reaches the
 * form, which shows the server's words.
 */
export function useCaseChange(): (call: () => Promise<Deviation>) => Promise<void> {
  const queryClient = useQueryClient();
  const { reportConflict } = useCase();
  return async (call) => {
    try {
      await acceptCase(queryClient, await call());
    } catch (error) {
      if (isApiError(error) && error.code === 'deviation.changed_meanwhile') reportConflict(changesOf(error));
      throw error;
    }
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const named = (value: unknown): CaseChange['actor'] =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? { id: value.id, name: value.name }
    : null;

const statuses: ReadonlyArray<NonNullable<CaseChange['toStatus']>> = [
  'submitted',
  'in_handling',
  'escalated',
  'resolved',
  'closed',
];
const statusOf = (value: unknown): CaseChange['toStatus'] =>
  statuses.find((status) => status === value) ?? null;

/** What changed since the version this page had (the 409's `changes`), read defensively. */
export function changesOf(error: ApiError): CaseChange[] {
  const changes = error.problem.changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter(isRecord).flatMap((c) =>
    typeof c.id === 'string' && typeof c.at === 'string' && typeof c.action === 'string'
      ? [
          {
            id: c.id,
            at: c.at,
            action: c.action,
            actor: named(c.actor),
            fromStatus: statusOf(c.fromStatus),
            toStatus: statusOf(c.toStatus),
            body: named(c.body),
            toPerson: named(c.toPerson),
          },
        ]
      : [],
  );
}
