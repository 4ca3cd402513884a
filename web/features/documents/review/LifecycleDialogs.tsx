import { Button, Checkbox, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document } from '../../../../contracts/documents.ts';
import { fieldId, TextArea, TextInput, useForm } from '../../../components/form.tsx';
import { type Named, PersonSearch } from '../PersonSearch.tsx';
import { reviewApi } from './api.ts';
import { LifecycleDialog } from './LifecycleDialog.tsx';

/** Today plus some days, as YYYY-MM-DD in the browser's own calendar. */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const OPEN_FORM = 'open-round';

/**
 * Opening a review round: the reviewers (the document's by default, and anyone else of the
 * organisation the owner adds for this round), a deadline and a message.
 */
export function OpenRoundButton({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  const form = useForm({ deadline: daysFromToday(14), message: '' });
  const own = document.reviewers;
  const [reviewerIds, setReviewerIds] = useState<string[]>(own.map((r) => r.id));
  // People added for this round only: they stay listed (checked or not) until the dialog closes.
  const [added, setAdded] = useState<Named[]>([]);
  const [pick, setPick] = useState<Named | null>(null);
  // The checkbox of the person just added takes focus, as the add button empties and is disabled.
  const focusNext = useRef<string | null>(null);
  const labels = {
    reviewerIds: t('docReview.open.reviewers'),
    deadline: t('docReview.open.deadline'),
    message: t('docReview.open.message'),
  };
  // The server names a refused person by their place in the list ("reviewerIds.2").
  const reviewersError = Object.entries(form.errors).find(([path]) => path.startsWith('reviewerIds'))?.[1];
  const toggle = (id: string, checked: boolean): void =>
    setReviewerIds((ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)));
  const checkbox = (person: Named, description?: string): ReactElement => (
    <Checkbox
      key={person.id}
      id={`${fieldId(OPEN_FORM, 'reviewer')}-${person.id}`}
      label={person.name}
      description={description}
      value={person.id}
      checked={reviewerIds.includes(person.id)}
      onChange={(event) => toggle(person.id, event.target.checked)}
      ref={(input) => {
        if (input && focusNext.current === person.id) {
          focusNext.current = null;
          input.focus();
        }
      }}
    />
  );
  return (
    <LifecycleDialog
      documentId={document.id}
      formId={OPEN_FORM}
      form={form}
      labels={labels}
      opener={t('docReview.open.button')}
      title={t('docReview.open.title', { number: document.draft?.number ?? 1 })}
      confirm={t('docReview.open.confirm')}
      onOpen={() => {
        form.reset({ deadline: daysFromToday(14), message: '' });
        setReviewerIds(own.map((r) => r.id));
        setAdded([]);
        setPick(null);
      }}
      clientErrors={reviewerIds.length === 0 ? { reviewerIds: t('docReview.open.noReviewers') } : undefined}
      run={async () => {
        await reviewApi.openRound(document.id, {
          deadline: form.values.deadline,
          reviewerIds,
          message: form.values.message.trim() || undefined,
          expectedVersion: document.version,
        });
        return undefined;
      }}
    >
      <Fieldset id={fieldId(OPEN_FORM, 'reviewerIds')}>
        <Fieldset.Legend>{labels.reviewerIds}</Fieldset.Legend>
        <Paragraph data-size="sm" className="review-help">
          {t('docReview.open.reviewersHelp')}
        </Paragraph>
        {own.length === 0 && added.length === 0 ? (
          <Paragraph className="muted">{t('docReview.open.documentHasNoReviewers')}</Paragraph>
        ) : null}
        {own.map((r) => checkbox(r))}
        {added.map((p) => checkbox(p, t('docReview.open.addedForRound')))}
        {reviewersError ? <Paragraph className="text-danger">{reviewersError}</Paragraph> : null}
        <div className="inline-form review-add-reviewer">
          <PersonSearch
            formId={OPEN_FORM}
            name="addReviewer"
            label={t('docReview.open.addReviewer')}
            searchLabel={t('docReview.open.addReviewerSearch')}
            value={pick}
            onChange={setPick}
            exclude={[...own.map((r) => r.id), ...added.map((p) => p.id)]}
          />
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={!pick}
            onClick={() => {
              if (!pick) return;
              focusNext.current = pick.id;
              setAdded((all) => [...all, pick]);
              setReviewerIds((ids) => (ids.includes(pick.id) ? ids : [...ids, pick.id]));
              setPick(null);
            }}
          >
            {t('docReview.open.addReviewerButton')}
          </Button>
        </div>
      </Fieldset>
      <TextInput
        formId={OPEN_FORM}
        type="date"
        label={labels.deadline}
        required
        {...form.field('deadline')}
      />
      <TextArea formId={OPEN_FORM} label={labels.message} rows={3} {...form.field('message')} />
    </LifecycleDialog>
  );
}

/** Sending back or archiving: a required reason. */
export function ReasonButton({
  document,
  kind,
}: {
  document: Document;
  kind: 'sendBack' | 'archive';
}): ReactElement {
  const { t } = useTranslation();
  const formId = `doc-${kind}`;
  const form = useForm({ reason: '' });
  const labels = { reason: t(`docReview.${kind}.reason`) };
  const reason = form.values.reason.trim();
  return (
    <LifecycleDialog
      documentId={document.id}
      formId={formId}
      form={form}
      labels={labels}
      opener={t(`docReview.${kind}.button`)}
      openerProps={{ variant: 'secondary' }}
      danger={kind === 'archive'}
      title={t(`docReview.${kind}.title`)}
      confirm={t(`docReview.${kind}.confirm`)}
      onOpen={() => form.reset()}
      clientErrors={reason === '' ? { reason: t('validation.required') } : undefined}
      run={() =>
        kind === 'sendBack'
          ? reviewApi.sendBack(document.id, reason, document.version)
          : reviewApi.archive(document.id, reason, document.version)
      }
    >
      <Paragraph>{t(`docReview.${kind}.text`)}</Paragraph>
      <TextArea formId={formId} label={labels.reason} rows={4} required {...form.field('reason')} />
    </LifecycleDialog>
  );
}

const APPROVE_FORM = 'doc-approve';

/** The approver's approval: significant or minor change, a read-by date, the revision note. */
export function ApproveButton({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  const first = document.current === null;
  const initial = () => ({
    changeKind: 'significant' as 'significant' | 'minor',
    readBy: daysFromToday(30),
    revisionNote: document.draft?.revisionNote ?? '',
  });
  const form = useForm(initial());
  const labels = {
    changeKind: t('docReview.approve.changeKind'),
    readBy: t('docReview.approve.readBy'),
    revisionNote: t('docReview.approve.revisionNote'),
  };
  const significant = first || form.values.changeKind === 'significant';
  return (
    <LifecycleDialog
      documentId={document.id}
      formId={APPROVE_FORM}
      form={form}
      labels={labels}
      opener={t('docReview.approve.button')}
      title={t('docReview.approve.title', { number: document.draft?.number ?? 1 })}
      confirm={t('docReview.approve.confirm')}
      onOpen={() => form.reset(initial())}
      run={() =>
        reviewApi.publish(document.id, {
          changeKind: first ? undefined : form.values.changeKind,
          readBy: significant ? form.values.readBy : undefined,
          revisionNote: form.values.revisionNote.trim() || undefined,
          expectedVersion: document.version,
        })
      }
    >
      {first ? (
        <Paragraph>{t('docReview.approve.firstVersion')}</Paragraph>
      ) : (
        <Fieldset id={fieldId(APPROVE_FORM, 'changeKind')}>
          <Fieldset.Legend>{labels.changeKind}</Fieldset.Legend>
          <Radio
            name="changeKind"
            value="significant"
            label={t('docReview.approve.significant')}
            description={t('docReview.approve.significantHelp')}
            checked={form.values.changeKind === 'significant'}
            onChange={() => form.set('changeKind', 'significant')}
          />
          <Radio
            name="changeKind"
            value="minor"
            label={t('docReview.approve.minor')}
            description={t('docReview.approve.minorHelp')}
            checked={form.values.changeKind === 'minor'}
            onChange={() => form.set('changeKind', 'minor')}
          />
        </Fieldset>
      )}
      {significant ? (
        <TextInput
          formId={APPROVE_FORM}
          type="date"
          label={labels.readBy}
          description={t('docReview.approve.readByHelp')}
          required
          {...form.field('readBy')}
        />
      ) : null}
      <TextArea formId={APPROVE_FORM} label={labels.revisionNote} rows={3} {...form.field('revisionNote')} />
    </LifecycleDialog>
  );
}
