import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deviation } from '../../../../contracts/deviations.ts';
import { useFormatters } from '../../../format.ts';

type Event = Deviation['events'][number];

/** The events of a report as the server gives them to the reporter (no internal notes), oldest first. */
export function Timeline({ events }: { events: Event[] }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels: Record<string, string> = {
    submitted: t('myReports.events.submitted'),
    accept: t('myReports.events.accept'),
    forward: t('myReports.events.forward'),
    escalate: t('myReports.events.escalate'),
    record_position: t('myReports.events.record_position'),
    return: t('myReports.events.return'),
    resolve: t('myReports.events.resolve'),
    close: t('myReports.events.close'),
    reopen: t('myReports.events.reopen'),
    lift_for_learning: t('myReports.events.lift_for_learning'),
    attachment_added: t('myReports.events.attachment_added'),
  };
  return (
    <section aria-labelledby="report-timeline">
      <Heading level={2} data-size="sm" id="report-timeline">
        {t('myReports.detail.timeline')}
      </Heading>
      {events.length === 0 ? (
        <Paragraph className="mt-2">{t('myReports.detail.noEvents')}</Paragraph>
      ) : (
        <ol className="report-timeline mt-2" data-testid="timeline">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at} className="muted small">
                {format.dateTime(event.at)}
              </time>
              <div>
                <strong>{labels[event.action] ?? t('myReports.events.other')}</strong>
                {event.body ? ` – ${event.body.name}` : null}
                {event.actor ? <span className="muted"> ({event.actor.name})</span> : null}
              </div>
              {event.comment ? <Paragraph className="break pre-line">{event.comment}</Paragraph> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
