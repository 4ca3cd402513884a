import { Alert, Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document } from '../../../../contracts/documents.ts';
import { errorMessage } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { useMe } from '../../../session.ts';
import { acknowledge, canOverseeReading, readingChanged, useReadingList } from './api.ts';
import { ReadBy } from './ReadingPage.tsx';
import './reading.css';

/**
 * On a document's page: for someone asked to read the version asked for, "I have read it"; once done,
 * "Read on <date>". Managers get the link to who in their units has read it.
 */
export function AcknowledgePanel({ document }: { document: Document }): ReactElement | null {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const queryClient = useQueryClient();
  // The reading list holds every document asking me and those I read in the last 90 days.
  const list = useReadingList('all', 1, 200);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const item = list.data?.items.find((i) => i.documentId === document.id);
  const oversee = canOverseeReading(me) && document.current !== null;

  async function confirm(versionNumber: number): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      await acknowledge(document.id, versionNumber);
      await readingChanged(queryClient);
    } catch (error) {
      setFailure(errorMessage(error, t('common.errorUnknown')));
    } finally {
      setBusy(false);
    }
  }

  if (!item && !oversee) return null;
  return (
    <section className="reading-ack" aria-label={t('reading.panelLabel')} data-testid="reading-panel">
      {item && item.acknowledgedAt === null ? (
        <Alert data-color={item.overdue ? 'warning' : 'info'}>
          <Paragraph>
            {t('reading.askedToRead', { number: item.versionNumber })}{' '}
            {item.readBy ? (
              <>
                {t('reading.readByLabel')} <ReadBy item={item} />
              </>
            ) : null}
          </Paragraph>
          {failure ? (
            <Paragraph role="alert" className="mt-1">
              {failure}
            </Paragraph>
          ) : null}
          <div className="button-row mt-2">
            <Button onClick={() => void confirm(item.versionNumber)} disabled={busy} aria-busy={busy}>
              {t('reading.acknowledge')}
            </Button>
          </div>
        </Alert>
      ) : null}
      {item?.acknowledgedAt ? (
        <Paragraph data-testid="read-on">
          {t('reading.readOn', { date: format.date(item.acknowledgedAt), number: item.versionNumber })}
        </Paragraph>
      ) : null}
      {oversee ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/reading/overview" search={{ documentId: document.id }}>
              {t('reading.whoHasRead')}
            </Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
