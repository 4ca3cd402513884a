import { Alert, Button, Link as DsLink, Heading, Paragraph, Tabs } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document } from '../../../contracts/documents.ts';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert, Loading } from '../../components/QueryState.tsx';
import { useDocument, versionPdfHref } from './api.ts';
import { EditDetailsButton } from './EditDetailsDialog.tsx';
import { DocumentFacts, StatusTag, VersionBody } from './parts.tsx';
import { AcknowledgePanel } from './reading/AcknowledgePanel.tsx';
import { PastReviewTag } from './reading/PastReviewTag.tsx';
import { ChangedBecauseOf } from './search/ChangedBecauseOf.tsx';
import './documents.css';
import { DocumentHistory, ReviewPanel } from './review/ReviewPanel.tsx';
import { CommentButton } from './review/ReviewRounds.tsx';

/** Edit the draft and the details (approval and publishing are the review panel's). */
function DocumentActions({
  document,
  onDetailsSaved,
}: {
  document: Document;
  onDetailsSaved: (message: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const mayEdit = document.allowedActions.includes('edit');
  return (
    <div className="button-row">
      {mayEdit ? (
        <Button asChild>
          <Link to="/documents/$id/edit" params={{ id: document.id }}>
            {document.draft ? t('documents.page.editDraft') : t('documents.page.revise')}
          </Link>
        </Button>
      ) : null}
      <EditDetailsButton document={document} onSaved={onDetailsSaved} />
    </div>
  );
}

/** The links to versions, comparison, print and the current version's PDF. */
function DocumentLinks({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  const current = document.current;
  // The draft against the published version, else the published version against the one before it.
  const pair =
    current && document.draft
      ? { from: current.number, to: document.draft.number }
      : current && current.number > 1
        ? { from: current.number - 1, to: current.number }
        : null;
  return (
    <nav aria-label={t('documents.page.linksLabel')}>
      <ul className="doc-links">
        <li>
          <DsLink asChild>
            <Link to="/documents/$id/versions" params={{ id: document.id }}>
              {t('documents.page.versions')}
            </Link>
          </DsLink>
        </li>
        {pair ? (
          <li>
            <DsLink asChild>
              <Link to="/documents/$id/compare" params={{ id: document.id }} search={pair}>
                {document.draft && current ? t('documents.page.compareDraft') : t('documents.page.compare')}
              </Link>
            </DsLink>
          </li>
        ) : null}
        {current ? (
          <li>
            <DsLink asChild>
              <Link
                to="/documents/$id/versions/$number/print"
                params={{ id: document.id, number: String(current.number) }}
              >
                {t('documents.page.print')}
              </Link>
            </DsLink>
          </li>
        ) : null}
        {current ? (
          <li>
            <DsLink href={versionPdfHref(document.id, current.number)} download data-testid="document-pdf">
              {t('docDetails.pdf')}
            </DsLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/**
 * One document: its header, then a tabbed body — the published version, and the draft for those
 * who may read it. Review rounds, acknowledgements and links to deviations join as further tabs.
 */
export function DocumentPage(): ReactElement {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/documents/$id' });
  const query = useDocument(id);
  const [tab, setTab] = useState<string | null>(null);
  // What the details dialog saved, told in the status line of this document's page only.
  const [detailsNote, setDetailsNote] = useState({ id, text: '' });
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <Page title={t('documents.page.errorTitle')}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const document = query.data;
  const { current, draft } = document;
  const shown = tab ?? (current ? 'current' : 'draft');
  return (
    <Page
      title={document.title}
      lead={
        <Paragraph className="doc-lead">
          {document.type.label} <StatusTag status={document.status} />{' '}
          <PastReviewTag past={document.pastReviewDate} />
        </Paragraph>
      }
      actions={
        <DocumentActions document={document} onDetailsSaved={(text) => setDetailsNote({ id, text })} />
      }
    >
      <Paragraph role="status" className="success-note doc-status" data-testid="details-status">
        {detailsNote.id === id ? detailsNote.text : ''}
      </Paragraph>
      <section className="doc-header" aria-labelledby="doc-header-heading">
        <Heading level={2} data-size="xs" id="doc-header-heading" className="ds-sr-only">
          {t('documents.page.about')}
        </Heading>
        <DocumentFacts document={document} version={current ?? draft} pipeline />
        <DocumentLinks document={document} />
      </section>
      <ReviewPanel document={document} />
      <ChangedBecauseOf document={document} />
      <AcknowledgePanel document={document} />
      <Tabs value={shown} onChange={setTab} className="mt-4">
        <Tabs.List>
          <Tabs.Tab value="current">
            {current
              ? t('documents.page.tabCurrent', { number: current.number })
              : t('documents.page.tabCurrentNone')}
          </Tabs.Tab>
          {draft ? (
            <Tabs.Tab value="draft">{t('documents.page.tabDraft', { number: draft.number })}</Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="current" className="tab-panel">
          {current ? (
            <VersionBody version={current} />
          ) : (
            <Alert data-color="info">
              <Paragraph>{t('documents.page.notPublished')}</Paragraph>
            </Alert>
          )}
        </Tabs.Panel>
        {draft ? (
          <Tabs.Panel value="draft" className="tab-panel">
            {draft.revisionNote ? (
              <Paragraph className="muted">
                {t('documents.header.revisionNote')}: {draft.revisionNote}
              </Paragraph>
            ) : null}
            <VersionBody
              version={draft}
              sectionAction={(section) => <CommentButton document={document} section={section} />}
            />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <DocumentHistory document={document} />
    </Page>
  );
}
