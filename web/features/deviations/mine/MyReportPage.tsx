import './mine.css';
import { Alert, Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deviation } from '../../../../contracts/deviations.ts';
import { Page } from '../../../components/Page.tsx';
import { ErrorAlert, Loading } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { useDeviation } from '../api.ts';
import { AttachmentList } from '../attachments/AttachmentList.tsx';
import { AttachmentUploader } from '../attachments/AttachmentUploader.tsx';
import { useLocalized } from '../localized.ts';
import { StatusTag } from './StatusTag.tsx';
import { Timeline } from './Timeline.tsx';

/** One of my reports as the reporter sees it: what was reported, where it is, and the feedback. */
export function MyReportPage(): ReactElement {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/my-reports/$id' });
  const query = useDeviation(id);
  if (query.isPending)
    return (
      <Page title={t('myReports.title')}>
        <Loading />
      </Page>
    );
  if (query.isError)
    return (
      <Page title={t('myReports.title')}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  return <ReportView deviation={query.data} />;
}

function ReportView({ deviation: d }: { deviation: Deviation }): ReactElement {
  const { t } = useTranslation();
  const name = useLocalized();
  const format = useFormatters();
  const typePath = (d.category.path.length > 0 ? d.category.path : [d.category.name]).map(name).join(' › ');
  const patient = d.patientHarmed
    ? t('myReports.detail.patientHarmed')
    : d.patientInvolved
      ? t('myReports.detail.patientInvolved')
      : t('myReports.detail.noPatient');

  return (
    <Page
      title={t('myReports.detail.title', { number: d.number })}
      lead={
        <div className="stack">
          <div>
            <StatusTag status={d.status} />
          </div>
          <DsLink asChild>
            <Link to="/my-reports">{t('myReports.detail.back')}</Link>
          </DsLink>
        </div>
      }
    >
      <div className="stack-lg">
        {d.feedback ? (
          <Alert data-color="success" data-testid="feedback">
            <Heading level={2} data-size="xs">
              {t('myReports.detail.feedback')}
            </Heading>
            <Paragraph className="mt-2 break">{d.feedback}</Paragraph>
          </Alert>
        ) : d.status !== 'closed' ? (
          <Paragraph>{t('myReports.detail.noFeedbackYet')}</Paragraph>
        ) : null}

        <section aria-labelledby="report-what">
          <Heading level={2} data-size="sm" id="report-what">
            {t('myReports.detail.what')}
          </Heading>
          <dl className="facts mt-2">
            <dt>{t('myReports.detail.entry')}</dt>
            <dd>{name(d.entry.name)}</dd>
            <dt>{t('myReports.detail.type')}</dt>
            <dd>{typePath}</dd>
            <dt>{t('myReports.detail.unit')}</dt>
            <dd>{d.unit.name}</dd>
            <dt>{t('myReports.detail.occurredAt')}</dt>
            <dd>{format.dateTime(d.occurredAt)}</dd>
            <dt>{t('myReports.detail.reportedAt')}</dt>
            <dd>{format.dateTime(d.reportedAt)}</dd>
            <dt>{t('myReports.detail.handler')}</dt>
            <dd>{d.handler.name}</dd>
            <dt>{t('myReports.detail.description')}</dt>
            <dd className="break pre-line">{d.description}</dd>
            {d.immediateAction ? (
              <>
                <dt>{t('myReports.detail.immediateAction')}</dt>
                <dd className="break pre-line">{d.immediateAction}</dd>
              </>
            ) : null}
            {d.suggestion ? (
              <>
                <dt>{t('myReports.detail.suggestion')}</dt>
                <dd className="break pre-line">{d.suggestion}</dd>
              </>
            ) : null}
            <dt>{t('myReports.detail.patient')}</dt>
            <dd>{patient}</dd>
            {d.linkedDeviation ? (
              <>
                <dt>{t('myReports.detail.linked')}</dt>
                <dd data-testid="linked-report">
                  <DsLink asChild>
                    <Link to="/my-reports/$id" params={{ id: d.linkedDeviation.id }}>
                      {d.linkedDeviation.number}
                    </Link>
                  </DsLink>
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="report-attachments" className="stack" data-testid="my-attachments">
          <Heading level={2} data-size="sm" id="report-attachments">
            {t('attachments.list.heading')}
          </Heading>
          <AttachmentList attachments={d.attachments} />
          {d.allowedActions.includes('add_attachment') ? <AttachmentUploader deviation={d} /> : null}
        </section>

        <Timeline events={d.events} />
      </div>
    </Page>
  );
}
