import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseChange, Deviation } from '../../../../contracts/deviations.ts';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useDeviation } from '../api.ts';
import { AttachmentList, AttachmentUploader } from '../attachments/index.ts';
import { useLocalized } from '../localized.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { AssessmentPanel } from './AssessmentPanel.tsx';
import { CaseFacts, CaseFeedback, CaseReport } from './CaseReport.tsx';
import { ChangedDocumentsSection } from './ChangedDocuments.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import { ContactLog } from './ContactLog.tsx';
import { CaseContext, type CaseContextValue } from './caseContext.ts';
import { Timeline } from './Timeline.tsx';
import { TransitionPanel } from './TransitionPanel.tsx';

function CaseBody({ deviation, onReload }: { deviation: Deviation; onReload: () => void }): ReactElement {
  const { t } = useTranslation();
  const localized = useLocalized();
  // What changed meanwhile, once a change of this person's was refused for it.
  const [conflict, setConflict] = useState<CaseChange[] | null>(null);
  const context = useMemo<CaseContextValue>(
    () => ({ deviation, reportConflict: (changes) => setConflict(changes) }),
    [deviation],
  );
  const handling = deviation.view !== 'reporter';
  return (
    <CaseContext.Provider value={context}>
      <Page
        title={t('cases.case.title', { number: deviation.number })}
        lead={<Paragraph>{localized(deviation.category.name)}</Paragraph>}
        actions={
          deviation.view === 'reporter' ? null : <Link to="/deviations">{t('cases.case.backToList')}</Link>
        }
      >
        {conflict ? (
          <ConflictNotice
            changes={conflict}
            onReload={() => {
              setConflict(null);
              onReload();
            }}
          />
        ) : null}
        <div className="case-layout">
          <div>
            <CaseFeedback />
            <CaseReport />
            {/* A photo may show a patient: a body's members never see the files. */}
            {deviation.view === 'body' ? null : (
              <section
                className="case-panel"
                aria-labelledby="case-attachments"
                data-testid="case-attachments"
              >
                <Heading level={2} data-size="xs" id="case-attachments">
                  {t('attachments.list.heading')}
                </Heading>
                <AttachmentList attachments={deviation.attachments} />
                {deviation.allowedActions.includes('add_attachment') ? (
                  <AttachmentUploader deviation={deviation} />
                ) : null}
              </section>
            )}
            {handling ? (
              <section className="case-panel" aria-labelledby="case-investigation">
                <Heading level={2} data-size="xs" id="case-investigation">
                  {t('cases.case.investigation')}
                </Heading>
                <ActionsSection />
                <ContactLog />
              </section>
            ) : deviation.actions.length > 0 ? (
              // The reporter, or someone given an action, sees the actions that are theirs.
              <section className="case-panel">
                <ActionsSection />
              </section>
            ) : null}
            <Timeline />
          </div>
          <div>
            <TransitionPanel />
            <CaseFacts />
            <ChangedDocumentsSection />
            {deviation.view === 'handler' ? <AssessmentPanel /> : null}
          </div>
        </div>
      </Page>
    </CaseContext.Provider>
  );
}

/** One case, as the server lets this person see it and with exactly the moves it allows. */
export function CasePage(): ReactElement {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/deviations/$id' });
  const deviation = useDeviation(id);
  return (
    <QueryState query={deviation} empty={t('cases.case.notFound')}>
      {(data) => <CaseBody deviation={data} onReload={() => void deviation.refetch()} />}
    </QueryState>
  );
}
