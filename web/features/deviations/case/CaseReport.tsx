import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../format.ts';
import { OverdueMark, StatusBadge } from '../inbox/marks.tsx';
import { useLocalized } from '../localized.ts';
import { useCase } from './caseContext.ts';

/** Where the case stands: type, unit, status, dates, who holds it. */
export function CaseFacts(): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  const localized = useLocalized();
  const { deviation: d } = useCase();
  return (
    <section className="case-panel" aria-labelledby="case-facts">
      <Heading level={2} data-size="xs" id="case-facts">
        {t('cases.case.facts')}
      </Heading>
      <dl className="facts mt-2">
        <dt>{t('cases.col.type')}</dt>
        <dd data-testid="case-type">
          {[localized(d.entry.name), ...d.category.path.map(localized)].join(' › ')}
        </dd>
        <dt>{t('cases.col.unit')}</dt>
        <dd>{d.unit.name}</dd>
        <dt>{t('cases.col.status')}</dt>
        <dd data-testid="case-status">
          <StatusBadge status={d.status} />
        </dd>
        <dt>{t('cases.case.occurred')}</dt>
        <dd>{f.dateTime(d.occurredAt)}</dd>
        <dt>{t('cases.col.reported')}</dt>
        <dd>{f.dateTime(d.reportedAt)}</dd>
        <dt>{t('cases.col.due')}</dt>
        <dd>
          {f.date(d.dueAt)} {d.overdue ? <OverdueMark /> : null}
        </dd>
        <dt>{t('cases.case.handler')}</dt>
        <dd data-testid="case-handler">{d.handler.name}</dd>
        <dt>{t('cases.case.body')}</dt>
        <dd data-testid="case-body">
          {d.currentBody
            ? d.currentBody.purpose === 'learning'
              ? t('cases.case.bodyLearning', { name: d.currentBody.name })
              : d.currentBody.name
            : t('cases.case.noBody')}
        </dd>
        {d.risk ? (
          <>
            <dt>{t('cases.risk.title')}</dt>
            <dd>{t('cases.risk.short', { score: d.risk.score })}</dd>
          </>
        ) : null}
        {d.linkedDeviation ? (
          <>
            <dt>{t('cases.case.linked')}</dt>
            <dd>
              <Link to="/deviations/$id" params={{ id: d.linkedDeviation.id }}>
                {d.linkedDeviation.number}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Narrative({ label, text }: { label: string; text: string }): ReactElement | null {
  if (!text) return null;
  return (
    <>
      <Heading level={3} data-size="2xs" className="mt-4">
        {label}
      </Heading>
      <Paragraph className="prewrap">{text}</Paragraph>
    </>
  );
}

/** The report as written, the protected patient field (handlers only), and who reported. */
export function CaseReport(): ReactElement {
  const { t } = useTranslation();
  const { deviation: d } = useCase();
  const yesNo = (value: boolean): string => (value ? t('cases.yes') : t('cases.no'));
  return (
    <section className="case-panel" aria-labelledby="case-report">
      <Heading level={2} data-size="xs" id="case-report">
        {t('cases.case.report')}
      </Heading>
      <Narrative label={t('cases.case.description')} text={d.description} />
      <Narrative label={t('cases.case.immediateAction')} text={d.immediateAction} />
      <Narrative label={t('cases.case.suggestion')} text={d.suggestion} />
      <dl className="facts mt-4">
        <dt>{t('cases.case.patientInvolved')}</dt>
        <dd>{yesNo(d.patientInvolved)}</dd>
        <dt>{t('cases.case.patientHarmed')}</dt>
        <dd>{yesNo(d.patientHarmed)}</dd>
        <dt>{t('cases.case.reporter')}</dt>
        <dd data-testid="case-reporter">{d.reporter ? d.reporter.name : t('cases.case.reporterHidden')}</dd>
      </dl>
      {d.patient ? (
        <section className="protected-box mt-4" aria-labelledby="case-patient" data-testid="patient-box">
          <Heading level={3} data-size="2xs" id="case-patient">
            {t('cases.case.patientTitle')}
          </Heading>
          <Paragraph data-size="sm">{t('cases.case.patientNote')}</Paragraph>
          <Paragraph className="mt-1">
            {t(`cases.case.patientKind.${d.patient.kind}`)}: <strong>{d.patient.identifier}</strong>
          </Paragraph>
        </section>
      ) : null}
      {d.view === 'body' && d.patientInvolved ? (
        <Paragraph data-size="sm" className="muted mt-2">
          {t('cases.case.patientHiddenForBody')}
        </Paragraph>
      ) : null}
    </section>
  );
}

/** The feedback to the reporter, once the case is closed. */
export function CaseFeedback(): ReactElement | null {
  const { t } = useTranslation();
  const { deviation: d } = useCase();
  if (!d.feedback) return null;
  return (
    <section className="case-panel" aria-labelledby="case-feedback" data-testid="case-feedback">
      <Heading level={2} data-size="xs" id="case-feedback">
        {t('cases.case.feedback')}
      </Heading>
      <Paragraph className="prewrap mt-2">{d.feedback}</Paragraph>
    </section>
  );
}
