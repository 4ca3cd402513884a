import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api.ts';

/** A 409: the document changed since it was loaded (a stale expectedVersion). */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409;
}

/** Tells that someone else changed the document, and offers to load it again. */
export function ConflictAlert({ onReload }: { onReload: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" role="alert">
      <Paragraph>{t('docReview.conflict.text')}</Paragraph>
      <Button variant="secondary" data-size="sm" className="mt-2" onClick={onReload}>
        {t('docReview.conflict.reload')}
      </Button>
    </Alert>
  );
}
