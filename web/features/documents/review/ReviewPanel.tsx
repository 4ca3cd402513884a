import { Alert, Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentEvent } from '../../../../contracts/document-review.ts';
import type { Document } from '../../../../contracts/documents.ts';
import { errorMessage } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { reviewApi, reviewChanged, useDocumentEvents, useReviewRounds } from './api.ts';
import { ConflictAlert, isConflict } from './conflict.tsx';
import { pipelineChangeText } from './history.ts';
import { ApproveButton, OpenRoundButton, ReasonButton } from './LifecycleDialogs.tsx';
import { ReviewRoundList } from './ReviewRounds.tsx';
import './review.css';

/** The last time the draft was sent back, when that is the newest thing that happened to it. */
function sentBackReason(document: Document, events: DocumentEvent[] | undefined): DocumentEvent | null {
  if (!events || document.stage !== 'writing' || !document.draft) return null;
  const forDraft = events
    .filter((e) => e.versionNumber === document.draft?.number)
    .sort((a, b) => b.at.localeCompare(a.at));
  const latest = forDraft.find((e) =>
    ['sent_back', 'review_opened', 'submitted_for_approval'].includes(e.kind),
  );
  return latest?.kind === 'sent_back' ? latest : null;
}

/** Where the draft stands, in words. */
function StageNote({ document }: { document: Document }): ReactElement | null {
  const { t } = useTranslation();
  const format = useFormatters();
  const events = useDocumentEvents(document.id);
  // The draft's rounds (the list below reads the same): comments of closed rounds may wait for answers.
  const rounds = useReviewRounds(document.id, undefined, document.draft !== null);
  if (document.status === 'archived') {
    return (
      <Alert data-color="warning" data-testid="document-stage">
        <Heading level={2} data-size="xs">
          {t('docReview.stage.archived')}
        </Heading>
        {document.archivedReason ? (
          <Paragraph>{t('docReview.stage.archivedReason', { reason: document.archivedReason })}</Paragraph>
        ) : null}
      </Alert>
    );
  }
  if (!document.stage || !document.draft) return null;
  const sentBack = sentBackReason(document, events.data?.items);
  const round = document.openRound;
  const unanswered = (rounds.data?.items ?? []).reduce((sum, r) => sum + r.unansweredCount, 0);
  return (
    <Alert data-color={sentBack ? 'warning' : 'info'} data-testid="document-stage">
      <Heading level={2} data-size="xs">
        {document.stage === 'in_review' && round
          ? t('docReview.stage.inReview', { number: round.number })
          : t(`docReview.stage.${document.stage === 'awaiting_approval' ? 'awaitingApproval' : 'writing'}`, {
              number: document.draft.number,
            })}
      </Heading>
      {round ? (
        <Paragraph>
          {t('docReview.stage.deadline', { date: format.date(round.deadline) })}{' '}
          {t('docReview.stage.unanswered', { count: round.unansweredCount })}
        </Paragraph>
      ) : document.stage === 'writing' && unanswered > 0 && document.allowedActions.includes('answer') ? (
        <Paragraph data-testid="unanswered-before-submit">
          {t('docReview.stage.unanswered', { count: unanswered })} {t('docReview.stage.answerBeforeSubmit')}
        </Paragraph>
      ) : null}
      {document.stage === 'awaiting_approval' ? (
        <Paragraph>
          {t('docReview.stage.awaitingApprovalText', {
            name: document.approver?.name ?? t('documents.header.none'),
          })}
        </Paragraph>
      ) : null}
      {sentBack ? (
        <div data-testid="sent-back-reason">
          <Paragraph>
            {t('docReview.stage.sentBack', {
              name: sentBack.actor?.name ?? '',
              date: format.date(sentBack.at),
            })}
          </Paragraph>
          <blockquote className="review-quote">{sentBack.reason}</blockquote>
        </div>
      ) : null}
    </Alert>
  );
}

/** Close the round, submit, restore: steps without a form, with the server's refusal shown. */
function StepButton({
  document,
  label,
  run,
  variant = 'secondary',
}: {
  document: Document;
  label: string;
  run: () => Promise<Document | undefined>;
  variant?: 'primary' | 'secondary';
}): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<'conflict' | string | null>(null);
  return (
    <div className="review-step">
      <Button
        variant={variant}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setFailure(null);
          try {
            const changed = await run();
            await reviewChanged(queryClient, document.id, changed);
          } catch (error) {
            setFailure(isConflict(error) ? 'conflict' : errorMessage(error, t('common.errorUnknown')));
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
      </Button>
      {failure === 'conflict' ? (
        <ConflictAlert
          onReload={() => {
            setFailure(null);
            void reviewChanged(queryClient, document.id);
          }}
        />
      ) : failure ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

function LifecycleActions({ document }: { document: Document }): ReactElement | null {
  const { t } = useTranslation();
  const may = (action: Document['allowedActions'][number]) => document.allowedActions.includes(action);
  const round = document.openRound;
  const buttons = [
    may('open_review') && document.draft ? <OpenRoundButton key="open" document={document} /> : null,
    may('close_review') && round ? (
      <StepButton
        key="close"
        document={document}
        label={t('docReview.close.button', { number: round.number })}
        run={async () => {
          await reviewApi.closeRound(document.id, round.number, document.version);
          return undefined;
        }}
      />
    ) : null,
    may('submit') && document.draft ? (
      <StepButton
        key="submit"
        document={document}
        variant="primary"
        label={t('docReview.submit.button')}
        run={() => reviewApi.submit(document.id, document.version)}
      />
    ) : null,
    may('publish') && document.stage === 'awaiting_approval' ? (
      <ApproveButton key="approve" document={document} />
    ) : null,
    may('send_back') ? <ReasonButton key="sendBack" document={document} kind="sendBack" /> : null,
    may('archive') ? <ReasonButton key="archive" document={document} kind="archive" /> : null,
    may('restore') ? (
      <StepButton
        key="restore"
        document={document}
        label={t('docReview.restore.button')}
        run={() => reviewApi.restore(document.id, document.version)}
      />
    ) : null,
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return (
    <div className="button-row review-actions" data-testid="review-actions">
      {buttons}
    </div>
  );
}

/** The rounds an earlier version went through, one version at a time. */
function EarlierRounds({ document }: { document: Document }): ReactElement | null {
  const { t } = useTranslation();
  const latest = document.current?.number ?? 0;
  const [version, setVersion] = useState<number>(latest);
  // Rounds are read by those who may read drafts: the owner's steps (archive, restore) or a draft tell.
  const mayRead =
    document.draft !== null || document.allowedActions.some((a) => a === 'archive' || a === 'restore');
  if (latest === 0 || !mayRead) return null;
  const numbers = Array.from({ length: latest }, (_, i) => latest - i);
  return (
    <section aria-labelledby="earlier-rounds-heading" className="review-rounds">
      <Heading level={2} data-size="sm" id="earlier-rounds-heading">
        {t('docReview.earlier.heading')}
      </Heading>
      <Field className="review-earlier-pick">
        <Label htmlFor="earlier-rounds-version">{t('docReview.earlier.version')}</Label>
        <Select
          id="earlier-rounds-version"
          value={String(version)}
          onChange={(event) => setVersion(Number(event.target.value))}
        >
          {numbers.map((n) => (
            <Select.Option key={n} value={String(n)}>
              {t('docReview.history.version', { number: n })}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <ReviewRoundList document={document} version={version} empty={t('docReview.earlier.empty')} />
    </section>
  );
}

/**
 * The document's lifecycle on its page: where the draft stands, the steps the caller may take now,
 * and the review rounds of the draft with their comments.
 */
export function ReviewPanel({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="stack mt-4 review-panel">
      <StageNote document={document} />
      <LifecycleActions document={document} />
      {document.draft ? (
        <section aria-labelledby="review-rounds-heading" className="review-rounds">
          <Heading level={2} data-size="sm" id="review-rounds-heading">
            {t('docReview.rounds.heading', { number: document.draft.number })}
          </Heading>
          <ReviewRoundList document={document} empty={t('docReview.rounds.empty')} />
        </section>
      ) : null}
      <EarlierRounds document={document} />
    </div>
  );
}

const eventKindKey: Record<DocumentEvent['kind'], string> = {
  created: 'created',
  review_opened: 'reviewOpened',
  review_closed: 'reviewClosed',
  submitted_for_approval: 'submitted',
  sent_back: 'sentBack',
  approved: 'approved',
  published: 'published',
  archived: 'archived',
  restored: 'restored',
  pipeline_changed: 'pipelineChanged',
};

/** The document's history: who did what, when, what changed and why. */
export function DocumentHistory({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useDocumentEvents(document.id);
  let body: ReactElement;
  if (query.isPending)
    body = (
      <Paragraph className="muted" role="status">
        {t('common.loading')}
      </Paragraph>
    );
  else if (query.isError)
    body = (
      <Alert data-color="danger" role="alert">
        <Paragraph>{errorMessage(query.error, t('common.errorUnknown'))}</Paragraph>
        <Button variant="secondary" data-size="sm" className="mt-2" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  else if (query.data.items.length === 0)
    body = <Paragraph className="muted">{t('docReview.history.empty')}</Paragraph>;
  else {
    const events = [...query.data.items].sort((a, b) => b.at.localeCompare(a.at));
    body = (
      <ol className="review-history" data-testid="document-history">
        {events.map((e) => (
          <li key={`${e.at}-${e.kind}-${e.versionNumber ?? 0}`}>
            <span className="review-history__what">
              {t(`docReview.history.kind.${eventKindKey[e.kind]}`)}
              {e.versionNumber !== null
                ? ` (${t('docReview.history.version', { number: e.versionNumber })})`
                : ''}
            </span>
            <span className="muted">
              {' '}
              – {e.actor?.name ?? t('docReview.history.system')},{' '}
              <time dateTime={e.at}>{format.dateTime(e.at)}</time>
            </span>
            {e.change ? (
              <Paragraph className="review-history__reason">
                {pipelineChangeText(e.change, t, format)}
              </Paragraph>
            ) : null}
            {e.reason ? <Paragraph className="review-history__reason">{e.reason}</Paragraph> : null}
          </li>
        ))}
      </ol>
    );
  }
  return (
    <section aria-labelledby="doc-history-heading" className="mt-6">
      <Heading level={2} data-size="sm" id="doc-history-heading">
        {t('docReview.history.heading')}
      </Heading>
      {body}
    </section>
  );
}
