import { Button, Checkbox, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document } from '../../../../contracts/documents.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { FormErrors, fieldId, TextArea, TextInput, useForm } from '../../../components/form.tsx';
import { reviewApi, reviewChanged } from './api.ts';
import { ConflictAlert, isConflict } from './conflict.tsx';

/** Today plus some days, as YYYY-MM-DD in the browser's own calendar. */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The common frame: a button that opens a form dialog, a 409 shown with a reload. */
function useDialog() {
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState(false);
  return { open, setOpen, conflict, setConflict };
}

const OPEN_FORM = 'open-round';

/** Opening a review round: the reviewers (the document's by default), a deadline and a message. */
export function OpenRoundButton({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dialog = useDialog();
  const form = useForm({ deadline: daysFromToday(14), message: '' });
  const [reviewerIds, setReviewerIds] = useState<string[]>(document.reviewers.map((r) => r.id));
  const labels = {
    reviewerIds: t('docReview.open.reviewers'),
    deadline: t('docReview.open.deadline'),
    message: t('docReview.open.message'),
  };
  const reload = async () => {
    dialog.setConflict(false);
    await reviewChanged(queryClient, document.id);
  };
  return (
    <>
      <Button
        onClick={() => {
          form.reset();
          setReviewerIds(document.reviewers.map((r) => r.id));
          dialog.setConflict(false);
          dialog.setOpen(true);
        }}
      >
        {t('docReview.open.button')}
      </Button>
      <FormDialog
        open={dialog.open}
        onClose={() => dialog.setOpen(false)}
        title={t('docReview.open.title', { number: document.draft?.number ?? 1 })}
      >
        <form
          id={OPEN_FORM}
          noValidate
          className="stack"
          onSubmit={form.submit(
            async () => {
              try {
                await reviewApi.openRound(document.id, {
                  deadline: form.values.deadline,
                  reviewerIds,
                  message: form.values.message.trim() || undefined,
                  expectedVersion: document.version,
                });
              } catch (error) {
                if (isConflict(error)) {
                  dialog.setConflict(true);
                  return;
                }
                throw error;
              }
              dialog.setOpen(false);
              await reviewChanged(queryClient, document.id);
            },
            reviewerIds.length === 0 ? { reviewerIds: t('docReview.open.noReviewers') } : undefined,
          )}
        >
          {dialog.conflict ? <ConflictAlert onReload={() => void reload()} /> : null}
          <FormErrors
            formId={OPEN_FORM}
            errors={form.errors}
            general={form.general}
            attempt={form.attempt}
            labels={labels}
          />
          <Fieldset id={fieldId(OPEN_FORM, 'reviewerIds')}>
            <Fieldset.Legend>{labels.reviewerIds}</Fieldset.Legend>
            <Paragraph data-size="sm" className="review-help">
              {t('docReview.open.reviewersHelp')}
            </Paragraph>
            {document.reviewers.length === 0 ? (
              <Paragraph className="muted">{t('docReview.open.documentHasNoReviewers')}</Paragraph>
            ) : (
              document.reviewers.map((r) => (
                <Checkbox
                  key={r.id}
                  label={r.name}
                  value={r.id}
                  checked={reviewerIds.includes(r.id)}
                  onChange={(event) =>
                    setReviewerIds((ids) =>
                      event.target.checked ? [...ids, r.id] : ids.filter((id) => id !== r.id),
                    )
                  }
                />
              ))
            )}
            {Object.entries(form.errors).some(([path]) => path.startsWith('reviewerIds')) ? (
              <Paragraph className="text-danger">
                {Object.entries(form.errors).find(([path]) => path.startsWith('reviewerIds'))?.[1]}
              </Paragraph>
            ) : null}
          </Fieldset>
          <TextInput
            formId={OPEN_FORM}
            type="date"
            label={labels.deadline}
            required
            {...form.field('deadline')}
          />
          <TextArea formId={OPEN_FORM} label={labels.message} rows={3} {...form.field('message')} />
          <div className="button-row">
            <Button type="submit" loading={form.submitting}>
              {t('docReview.open.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => dialog.setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
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
  const queryClient = useQueryClient();
  const dialog = useDialog();
  const formId = `doc-${kind}`;
  const form = useForm({ reason: '' });
  const labels = { reason: t(`docReview.${kind}.reason`) };
  return (
    <>
      <Button
        variant="secondary"
        data-color={kind === 'archive' ? 'danger' : undefined}
        onClick={() => {
          form.reset();
          dialog.setConflict(false);
          dialog.setOpen(true);
        }}
      >
        {t(`docReview.${kind}.button`)}
      </Button>
      <FormDialog
        open={dialog.open}
        onClose={() => dialog.setOpen(false)}
        title={t(`docReview.${kind}.title`)}
      >
        <form
          id={formId}
          noValidate
          className="stack"
          onSubmit={form.submit(
            async () => {
              const reason = form.values.reason.trim();
              try {
                const changed =
                  kind === 'sendBack'
                    ? await reviewApi.sendBack(document.id, reason, document.version)
                    : await reviewApi.archive(document.id, reason, document.version);
                dialog.setOpen(false);
                await reviewChanged(queryClient, document.id, changed);
              } catch (error) {
                if (isConflict(error)) {
                  dialog.setConflict(true);
                  return;
                }
                throw error;
              }
            },
            form.values.reason.trim() === '' ? { reason: t('validation.required') } : undefined,
          )}
        >
          {dialog.conflict ? (
            <ConflictAlert
              onReload={() => {
                dialog.setConflict(false);
                void reviewChanged(queryClient, document.id);
              }}
            />
          ) : null}
          <FormErrors
            formId={formId}
            errors={form.errors}
            general={form.general}
            attempt={form.attempt}
            labels={labels}
          />
          <Paragraph>{t(`docReview.${kind}.text`)}</Paragraph>
          <TextArea formId={formId} label={labels.reason} rows={4} required {...form.field('reason')} />
          <div className="button-row">
            <Button
              type="submit"
              loading={form.submitting}
              data-color={kind === 'archive' ? 'danger' : undefined}
            >
              {t(`docReview.${kind}.confirm`)}
            </Button>
            <Button variant="secondary" onClick={() => dialog.setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  );
}

const APPROVE_FORM = 'doc-approve';

/** The approver's approval: significant or minor change, a read-by date, the revision note. */
export function ApproveButton({ document }: { document: Document }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dialog = useDialog();
  const first = document.current === null;
  const form = useForm({
    changeKind: 'significant' as 'significant' | 'minor',
    readBy: daysFromToday(30),
    revisionNote: document.draft?.revisionNote ?? '',
  });
  const labels = {
    changeKind: t('docReview.approve.changeKind'),
    readBy: t('docReview.approve.readBy'),
    revisionNote: t('docReview.approve.revisionNote'),
  };
  const significant = first || form.values.changeKind === 'significant';
  return (
    <>
      <Button
        onClick={() => {
          form.reset({
            changeKind: 'significant',
            readBy: daysFromToday(30),
            revisionNote: document.draft?.revisionNote ?? '',
          });
          dialog.setConflict(false);
          dialog.setOpen(true);
        }}
      >
        {t('docReview.approve.button')}
      </Button>
      <FormDialog
        open={dialog.open}
        onClose={() => dialog.setOpen(false)}
        title={t('docReview.approve.title', { number: document.draft?.number ?? 1 })}
      >
        <form
          id={APPROVE_FORM}
          noValidate
          className="stack"
          onSubmit={form.submit(async () => {
            try {
              const published = await reviewApi.publish(document.id, {
                changeKind: first ? undefined : form.values.changeKind,
                readBy: significant ? form.values.readBy : undefined,
                revisionNote: form.values.revisionNote.trim() || undefined,
                expectedVersion: document.version,
              });
              dialog.setOpen(false);
              await reviewChanged(queryClient, document.id, published);
            } catch (error) {
              if (isConflict(error)) {
                dialog.setConflict(true);
                return;
              }
              throw error;
            }
          })}
        >
          {dialog.conflict ? (
            <ConflictAlert
              onReload={() => {
                dialog.setConflict(false);
                void reviewChanged(queryClient, document.id);
              }}
            />
          ) : null}
          <FormErrors
            formId={APPROVE_FORM}
            errors={form.errors}
            general={form.general}
            attempt={form.attempt}
            labels={labels}
          />
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
          <TextArea
            formId={APPROVE_FORM}
            label={labels.revisionNote}
            rows={3}
            {...form.field('revisionNote')}
          />
          <div className="button-row">
            <Button type="submit" loading={form.submitting}>
              {t('docReview.approve.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => dialog.setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  );
}
