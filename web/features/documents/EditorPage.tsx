import { Alert, Button, Dialog, Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useBlocker, useParams } from '@tanstack/react-router';
import { type ReactElement, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentNode, Document, DocumentTemplate } from '../../../contracts/documents.ts';
import { TextArea } from '../../components/form.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert, errorMessage, Loading } from '../../components/QueryState.tsx';
import { useFormatters } from '../../format.ts';
import { documentApi, documentChanged, useDocument } from './api.ts';
import { useTemplate } from './parts.tsx';
import { isConflict } from './review/conflict.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import './documents.css';

type Sections = Record<string, ContentNode[]>;

function initialSections(document: Document): Sections {
  const source = document.draft ?? document.current;
  const out: Sections = {};
  for (const section of source?.sections ?? []) out[section.sectionId] = section.nodes as ContentNode[];
  return out;
}

/** Asks before leaving with unsaved changes (links in the app; the browser asks on reload or close). */
function LeaveGuard({ dirty }: { dirty: boolean }): ReactElement | null {
  const { t } = useTranslation();
  const headingId = useId();
  const blocker = useBlocker({
    shouldBlockFn: () => dirty,
    enableBeforeUnload: () => dirty,
    withResolver: true,
  });
  if (blocker.status !== 'blocked') return null;
  return (
    <Dialog
      open
      onClose={blocker.reset}
      closeButton={t('common.close')}
      aria-labelledby={headingId}
      role="alertdialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('documents.editor.leaveTitle')}
        </Heading>
        <Paragraph className="mt-2">{t('documents.editor.leaveText')}</Paragraph>
        <div className="button-row mt-4">
          <Button data-color="danger" onClick={blocker.proceed}>
            {t('documents.editor.leave')}
          </Button>
          <Button variant="secondary" onClick={blocker.reset} autoFocus>
            {t('documents.editor.stay')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

function EditorForm({
  document,
  template,
  onReload,
}: {
  document: Document;
  template: DocumentTemplate;
  onReload: () => Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [initial] = useState(() => initialSections(document));
  const sections = useRef<Sections>({ ...initial });
  const [note, setNote] = useState(document.draft?.revisionNote ?? '');
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ conflict: boolean; message: string } | null>(null);
  const version = useRef(document.version);

  async function save(): Promise<void> {
    setSaving(true);
    setFailure(null);
    try {
      const saved = await documentApi.putDraft(document.id, {
        sections: template.sections.map((s) => ({ sectionId: s.id, nodes: sections.current[s.id] ?? [] })),
        revisionNote: note,
        expectedVersion: version.current,
      });
      version.current = saved.version;
      await documentChanged(queryClient, saved);
      setDirty(false);
      setSavedAt(new Date().toISOString());
    } catch (error) {
      setFailure({
        conflict: isConflict(error),
        message: errorMessage(error, t('common.errorUnknown')),
      });
    } finally {
      setSaving(false);
    }
  }

  const number = document.draft?.number ?? (document.current?.number ?? 0) + 1;
  return (
    <form
      className="stack-lg"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <LeaveGuard dirty={dirty} />
      <Paragraph className="muted">{t('documents.editor.lead', { number })}</Paragraph>
      {template.sections.map((section) => {
        const guidanceId = `guidance-${section.id}`;
        return (
          <section key={section.id} className="doc-edit-section" aria-labelledby={`title-${section.id}`}>
            <Heading level={2} data-size="sm" id={`title-${section.id}`}>
              {section.label}
            </Heading>
            {section.guidanceText ? (
              <Paragraph id={guidanceId} className="doc-guidance" data-size="sm">
                {section.guidanceText}
              </Paragraph>
            ) : null}
            <SectionEditor
              label={section.label}
              describedBy={section.guidanceText ? guidanceId : undefined}
              initial={initial[section.id] ?? []}
              onChange={(nodes) => {
                sections.current[section.id] = nodes;
                setDirty(true);
                setSavedAt(null);
              }}
            />
          </section>
        );
      })}
      <div className="doc-edit-section">
        <TextArea
          formId="document-editor"
          name="revisionNote"
          label={t('documents.editor.revisionNote')}
          value={note}
          rows={3}
          onChange={(event) => {
            setNote(event.target.value);
            setDirty(true);
            setSavedAt(null);
          }}
        />
      </div>
      {failure ? (
        <Alert data-color={failure.conflict ? 'warning' : 'danger'} role="alert">
          {failure.conflict ? (
            <>
              <Heading level={2} data-size="xs">
                {t('documents.editor.conflictTitle')}
              </Heading>
              <Paragraph>{t('documents.editor.conflictText')}</Paragraph>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                className="mt-2"
                onClick={() => {
                  setDirty(false);
                  void onReload();
                }}
              >
                {t('documents.editor.reload')}
              </Button>
            </>
          ) : (
            <Paragraph>{failure.message}</Paragraph>
          )}
        </Alert>
      ) : null}
      <div className="doc-save-bar">
        <Button type="submit" loading={saving} disabled={saving}>
          {t('documents.editor.save')}
        </Button>
        <DsLink asChild>
          <Link to="/documents/$id" params={{ id: document.id }}>
            {t('documents.editor.back')}
          </Link>
        </DsLink>
        <span role="status" className="doc-save-status" data-testid="save-status">
          {saving
            ? t('documents.editor.saving')
            : savedAt
              ? t('documents.editor.saved', { time: format.dateTime(savedAt) })
              : dirty
                ? t('documents.editor.unsaved')
                : ''}
        </span>
      </div>
    </form>
  );
}

/** Writing a document's draft: one rich-text editor per template section, a revision note, Save. */
export function EditorPage(): ReactElement {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/documents/$id/edit' });
  const query = useDocument(id);
  const template = useTemplate(query.data?.templateId);
  // A reload after a conflict starts the editors afresh from the server's content.
  const [generation, setGeneration] = useState(0);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <Page title={t('documents.editor.title')}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const document = query.data;
  return (
    <Page title={t('documents.editor.titleNamed', { title: document.title })}>
      {!document.allowedActions.includes('edit') ? (
        <Alert data-color="info">
          <Paragraph>{t('documents.editor.notAllowed')}</Paragraph>
        </Alert>
      ) : !template ? (
        <Loading />
      ) : (
        <EditorForm
          key={`${generation}`}
          document={document}
          template={template}
          onReload={async () => {
            await query.refetch();
            setGeneration((n) => n + 1);
          }}
        />
      )}
    </Page>
  );
}
