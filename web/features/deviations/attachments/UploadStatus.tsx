import './attachments.css';
import { Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Uploads } from './useUploads.ts';

/**
 * How the sending goes: "uploading 2 of 3" while it runs (announced), then each file as uploaded or
 * with the server's reason it failed, and a button to try the failed ones again.
 */
export function UploadStatus({ uploads }: { uploads: Uploads }): ReactElement | null {
  const { t } = useTranslation();
  const { items, position } = uploads;
  if (items.length === 0) return null;
  const failed = items.filter((item) => item.state === 'failed');
  const finished =
    !uploads.running && items.every((item) => item.state === 'done' || item.state === 'failed');
  return (
    <div className="attachment-status stack" data-testid="upload-status">
      <div role="status">
        {position ? (
          <Paragraph className="attachment-progress">
            <Spinner aria-hidden="true" data-size="sm" />
            {t('attachments.upload.progress', { n: position.n, m: position.m })}
          </Paragraph>
        ) : finished ? (
          <Paragraph>
            {failed.length === 0 ? t('attachments.upload.allDone') : t('attachments.upload.someFailed')}
          </Paragraph>
        ) : null}
      </div>
      <ul className="attachment-results">
        {items.map((item) => (
          <li key={item.key} data-state={item.state}>
            <span className="attachment-name">{item.file.name}</span>{' '}
            <span className={item.state === 'failed' ? 'attachment-failed' : 'muted'}>
              {t(`attachments.upload.state.${item.state}`)}
            </span>
            {item.error ? <div className="attachment-error">{item.error}</div> : null}
          </li>
        ))}
      </ul>
      {failed.length > 0 && !uploads.running ? (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void uploads.retry()}>
            {t('attachments.upload.retry')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
