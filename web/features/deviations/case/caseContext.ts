import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Deviation } from '../../../../contracts/deviations.ts';
import { isApiError } from '../../../api.ts';
import { acceptCase } from '../api.ts';

export interface CaseContextValue {
  deviation: Deviation;
  /** someone else changed the case since it was loaded: the page says so and offers a reload */
  reportConflict: () => void;
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
      if (isApiError(error) && error.code === 'deviation.changed_meanwhile') reportConflict();
      throw error;
    }
  };
}
