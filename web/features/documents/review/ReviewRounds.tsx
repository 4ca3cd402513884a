import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewComment, ReviewRound } from '../../../../contracts/document-review.ts';
import type { Document } from '../../../../contracts/documents.ts';
import { FormErrors, TextArea, useForm } from '../../../components/form.tsx';
import { EmptyState, ErrorAlert, Loading } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import type { TitledSection } from '../parts.tsx';
import { reviewApi, reviewChanged, useReviewRounds } from './api.ts';
import { commentGroups } from './groups.ts';
import { LifecycleDialog } from './LifecycleDialog.tsx';

/** The text selected inside one section of the draft, if any: the words a comment quotes. */
function selectedTextIn(sectionId: string): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const node = selection.getRangeAt(0).commonAncestorContainer;
  const element = node instanceof Element ? node : node.parentElement;
  if (!element?.closest(`[data-section-id="${sectionId}"]`)) return '';
  return selection.toString().trim().slice(0, 500);
}

/** "Comment" beside a section heading of the draft, for the open round's reviewers. */
export function CommentButton({
  document,
  section,
}: {
  document: Document;
  section: TitledSection;
}): ReactElement | null {
  const { t } = useTranslation();
  const formId = `comment-${section.sectionId}`;
  const form = useForm({ quote: '', body: '' });
  const round = document.openRound;
  if (!round || !document.allowedActions.includes('comment')) return null;
  const labels = { quote: t('docReview.comment.quote'), body: t('docReview.comment.body') };
  return (
    <LifecycleDialog
      documentId={document.id}
      formId={formId}
      form={form}
      labels={labels}
      opener={t('docReview.comment.button')}
      openerProps={{
        variant: 'secondary',
        'data-size': 'sm',
        'aria-label': t('docReview.comment.buttonNamed', { section: section.title }),
        // Pressing the button keeps the selection, read before focus moves.
        onMouseDown: () => form.set('quote', selectedTextIn(section.sectionId)),
      }}
      title={t('docReview.comment.title', { section: section.title, number: round.number })}
      confirm={t('docReview.comment.confirm')}
      onOpen={() => form.reset({ quote: form.values.quote, body: '' })}
      clientErrors={form.values.body.trim() === '' ? { body: t('validation.required') } : undefined}
      run={async () => {
        await reviewApi.comment(document.id, round.number, {
          sectionId: section.sectionId,
          quote: form.values.quote.trim() || undefined,
          body: form.values.body.trim(),
        });
        return undefined;
      }}
    >
      <TextArea formId={formId} label={labels.quote} rows={2} {...form.field('quote')} />
      <TextArea formId={formId} label={labels.body} rows={5} required {...form.field('body')} />
    </LifecycleDialog>
  );
}

/** The owner's answer to one comment, written inline. */
function AnswerForm({ documentId, comment }: { documentId: string; comment: ReviewComment }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = `answer-${comment.id}`;
  const form = useForm({ answer: '' });
  const labels = { answer: t('docReview.answer.label', { name: comment.author.name }) };
  return (
    <form
      id={formId}
      noValidate
      className="stack review-answer-form"
      onSubmit={form.submit(
        async () => {
          await reviewApi.answer(documentId, comment.id, form.values.answer.trim());
          await reviewChanged(queryClient, documentId);
        },
        form.values.answer.trim() === '' ? { answer: t('validation.required') } : undefined,
      )}
    >
      <FormErrors
        formId={formId}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={labels}
      />
      <TextArea formId={formId} label={labels.answer} rows={2} required {...form.field('answer')} />
      <div>
        <Button type="submit" data-size="sm" loading={form.submitting}>
          {t('docReview.answer.confirm')}
        </Button>
      </div>
    </form>
  );
}

function CommentItem({
  documentId,
  comment,
  mayAnswer,
}: {
  documentId: string;
  comment: ReviewComment;
  mayAnswer: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li className="review-comment" data-testid="review-comment">
      <Paragraph data-size="sm" className="muted">
        {comment.author.name}, {format.dateTime(comment.createdAt)}
      </Paragraph>
      {comment.quote ? <blockquote className="review-quote">{comment.quote}</blockquote> : null}
      <Paragraph className="review-body">{comment.body}</Paragraph>
      {comment.answer !== null ? (
        <div className="review-answer">
          <Paragraph data-size="sm" className="muted">
            {t('docReview.answer.by', {
              name: comment.answeredBy?.name ?? '',
              at: comment.answeredAt ? format.dateTime(comment.answeredAt) : '',
            })}
          </Paragraph>
          <Paragraph className="review-body">{comment.answer}</Paragraph>
        </div>
      ) : mayAnswer ? (
        <AnswerForm documentId={documentId} comment={comment} />
      ) : (
        <Tag data-color="warning">{t('docReview.answer.none')}</Tag>
      )}
    </li>
  );
}

/** One round: its reviewers, deadline and message, and its comments under its version's section titles. */
function RoundView({
  document,
  round,
  headingLevel,
}: {
  document: Document;
  round: ReviewRound;
  headingLevel: 3 | 4;
}): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const open = round.closedAt === null;
  // Every round of the draft is answered, a closed one's too: the draft is not submitted before.
  const mayAnswer =
    round.versionNumber === document.draft?.number && document.allowedActions.includes('answer');
  const groups = commentGroups(round, t('docReview.round.otherSection'));
  const headingId = `round-${round.versionNumber}-${round.number}`;
  return (
    <section
      className="review-round"
      aria-labelledby={headingId}
      data-testid={`review-round-${round.number}`}
    >
      <Heading level={headingLevel} data-size="xs" id={headingId}>
        {t('docReview.round.title', { number: round.number })}{' '}
        <Tag data-color={open ? 'info' : 'neutral'}>
          {open ? t('docReview.round.open') : t('docReview.round.closed')}
        </Tag>
      </Heading>
      <dl className="facts">
        <dt>{t('docReview.round.reviewers')}</dt>
        <dd>{round.reviewers.map((r) => r.name).join(', ')}</dd>
        <dt>{t('docReview.round.deadline')}</dt>
        <dd>{format.date(round.deadline)}</dd>
        <dt>{t('docReview.round.openedBy')}</dt>
        <dd>
          {round.openedBy.name}, {format.date(round.openedAt)}
        </dd>
        {round.closedAt ? (
          <>
            <dt>{t('docReview.round.closedAt')}</dt>
            <dd>{format.date(round.closedAt)}</dd>
          </>
        ) : null}
        {round.message ? (
          <>
            <dt>{t('docReview.round.message')}</dt>
            <dd>{round.message}</dd>
          </>
        ) : null}
        <dt>{t('docReview.round.unanswered')}</dt>
        <dd data-testid="unanswered-count">{round.unansweredCount}</dd>
      </dl>
      {groups.length === 0 ? (
        <Paragraph className="muted">{t('docReview.round.noComments')}</Paragraph>
      ) : (
        groups.map((g) => (
          <section
            key={g.id}
            className="review-section"
            aria-label={t('docReview.round.commentsOn', { section: g.title })}
          >
            <Heading level={(headingLevel + 1) as 4 | 5} data-size="2xs">
              {g.title}
            </Heading>
            <ul className="review-comments">
              {g.comments.map((c) => (
                <CommentItem key={c.id} documentId={document.id} comment={c} mayAnswer={mayAnswer} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

/** The rounds of the draft (newest first), or of an earlier version. */
export function ReviewRoundList({
  document,
  version,
  empty,
}: {
  document: Document;
  version?: number;
  empty: ReactNode;
}): ReactElement {
  const query = useReviewRounds(document.id, version);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const rounds = [...query.data.items].sort((a, b) => b.number - a.number);
  if (rounds.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="stack">
      {rounds.map((round) => (
        <RoundView key={round.number} document={document} round={round} headingLevel={3} />
      ))}
    </div>
  );
}
