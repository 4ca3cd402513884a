import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseChange } from '../../../../contracts/deviations.ts';
import { useFormatters } from '../../../format.ts';
import { eventLabel } from './Timeline.tsx';

/**
 * Someone else changed the case while this person worked on it: their change was not saved. Says
 * what happened since (the server's list, as this person may see it) and offers the latest.
 */
export function ConflictNotice({
  changes,
  onReload,
}: {
  changes: CaseChange[];
  onReload: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Alert data-color="warning" role="alert" className="case-alert" data-testid="case-conflict">
      <Heading level={2} data-size="xs">
        {t('cases.conflict.title')}
      </Heading>
      <Paragraph>{t(changes.length > 0 ? 'cases.conflict.changed' : 'cases.conflict.text')}</Paragraph>
      {changes.length > 0 ? (
        <ul className="case-conflict__changes">
          {changes.map((change) => (
            <li key={change.id}>
              <strong>{eventLabel(t, change.action)}</strong>
              {change.body ? ` · ${change.body.name}` : ''}
              {change.toPerson ? ` → ${change.toPerson.name}` : ''}
              {change.actor ? ` · ${change.actor.name}` : ''}
              {' · '}
              <time dateTime={change.at}>{f.dateTime(change.at)}</time>
              {change.toStatus && change.toStatus !== change.fromStatus
                ? ` · ${t('cases.timeline.status', { status: t(`cases.status.${change.toStatus}`) })}`
                : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <Button variant="secondary" data-size="sm" className="mt-2" onClick={onReload}>
        {t('cases.conflict.reload')}
      </Button>
    </Alert>
  );
}
