import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api.ts';

/**
 * The document changed since it was loaded (a stale expectedVersion: 409 document.stale). Other 409s
 * (archived, no approver …) say their own reason, shown as the server wrote it.
 */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'document.stale';
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
