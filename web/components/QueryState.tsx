import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';

export function Loading({ label }: { label?: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden="true" data-size="md" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** Shown while a lazily loaded page arrives. */
export function PageSpinner(): ReactElement {
  return <Loading />;
}

export function errorMessage(error: unknown, fallback: string): string {
  if (isApiError(error)) return error.message;
  return fallback;
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('common.errorTitle')}
      </Heading>
      <Paragraph>{errorMessage(error, t('common.errorUnknown'))}</Paragraph>
      {onRetry ? (
        <Button variant="secondary" data-size="sm" onClick={onRetry} className="mt-2">
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

export function EmptyState({ children }: { children: ReactNode }): ReactElement {
  return (
    <div className="empty-state">
      <Paragraph>{children}</Paragraph>
    </div>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** when this returns true the empty text is shown instead of children */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error and empty states for one query, the same on every list. */
export function QueryState<T>({ query, isEmpty, empty, children }: QueryStateProps<T>): ReactElement {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
