import { Button, type ButtonProps } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document } from '../../../../contracts/documents.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { type FieldErrors, FormErrors, type FormState } from '../../../components/form.tsx';
import { reviewChanged } from './api.ts';
import { ConflictAlert, isConflict } from './conflict.tsx';

interface LifecycleDialogProps<T extends object> {
  documentId: string;
  formId: string;
  /** the form's state; the fields given as children bind to it */
  form: FormState<T>;
  /** the visible label of each field, by path, in the order they appear (for the error summary) */
  labels: Record<string, string>;
  /** the text of the button that opens the dialog */
  opener: string;
  /** the opener's look and name: variant, size, aria-label, a mouse-down that reads a selection */
  openerProps?: Omit<ButtonProps, 'onClick' | 'children' | 'type' | 'data-color'>;
  title: string;
  confirm: string;
  /** archiving: the opener and the confirm button are red */
  danger?: boolean;
  /** called as the dialog opens, to start the form afresh */
  onOpen: () => void;
  /** errors found before anything is sent: the summary shows them and nothing is sent */
  clientErrors?: FieldErrors | undefined;
  /** the step itself; the document it answers, if any, replaces the cached one */
  run: () => Promise<Document | undefined>;
  children: ReactNode;
}

/** The server's "reviewerIds.2" is told as "reviewerIds": the summary links to one field per list. */
function byField(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const top = path.split('.')[0] ?? path;
    if (!(top in out)) out[top] = message;
  }
  return out;
}

/**
 * One step of a document's lifecycle in a dialog: the button that opens it, the title, the fields,
 * the error summary, confirm and cancel. A 409 (someone changed the document meanwhile) is shown with
 * a reload instead of an error; after the step the document, its rounds and its history are fetched
 * again. Escape and the close button end it, and focus returns to the opener (FormDialog).
 */
export function LifecycleDialog<T extends object>({
  documentId,
  formId,
  form,
  labels,
  opener,
  openerProps,
  title,
  confirm,
  danger = false,
  onOpen,
  clientErrors,
  run,
  children,
}: LifecycleDialogProps<T>): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState(false);
  const color = danger ? 'danger' : undefined;
  return (
    <>
      <Button
        {...openerProps}
        data-color={color}
        onClick={() => {
          onOpen();
          setConflict(false);
          setOpen(true);
        }}
      >
        {opener}
      </Button>
      <FormDialog open={open} onClose={() => setOpen(false)} title={title}>
        <form
          id={formId}
          noValidate
          className="stack"
          onSubmit={form.submit(async () => {
            let changed: Document | undefined;
            try {
              changed = await run();
            } catch (error) {
              if (isConflict(error)) {
                setConflict(true);
                return;
              }
              throw error;
            }
            setOpen(false);
            await reviewChanged(queryClient, documentId, changed);
          }, clientErrors)}
        >
          {conflict ? (
            <ConflictAlert
              onReload={() => {
                setConflict(false);
                void reviewChanged(queryClient, documentId);
              }}
            />
          ) : null}
          <FormErrors
            formId={formId}
            errors={byField(form.errors)}
            general={form.general}
            attempt={form.attempt}
            labels={labels}
          />
          {children}
          <div className="button-row">
            <Button type="submit" loading={form.submitting} data-color={color}>
              {confirm}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  );
}
