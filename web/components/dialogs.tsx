import { Button, type ButtonProps, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type ReactElement, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './QueryState.tsx';

interface FormDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/** A modal dialog holding a form; Escape and the close button end it, focus returns to the opener. */
export function FormDialog({ open, onClose, title, children }: FormDialogProps): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      closeButton={t('common.close')}
      aria-labelledby={headingId}
      className="form-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>{open ? children : null}</Dialog.Block>
    </Dialog>
  );
}

interface ConfirmButtonProps {
  /** the button that asks */
  children: ReactNode;
  title: string;
  text: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: ButtonProps['variant'];
  'data-size'?: ButtonProps['data-size'];
  'aria-label'?: string;
  disabled?: boolean;
}

/** A destructive action: it asks first, and shows the server's answer if it fails. */
export function ConfirmButton(props: ConfirmButtonProps): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (error) {
      setFailure(errorMessage(error, t('common.errorUnknown')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant={props.variant ?? 'tertiary'}
        data-color="danger"
        data-size={props['data-size'] ?? 'sm'}
        aria-label={props['aria-label']}
        disabled={props.disabled}
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        {props.children}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={t('common.close')}
        aria-labelledby={headingId}
        role="alertdialog"
      >
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={headingId}>
            {props.title}
          </Heading>
          <Paragraph className="mt-2">{props.text}</Paragraph>
          {failure ? (
            <Paragraph role="alert" className="text-danger mt-2">
              {failure}
            </Paragraph>
          ) : null}
          <div className="button-row mt-4">
            <Button data-color="danger" onClick={() => void confirm()} loading={busy}>
              {props.confirmLabel}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              {t('common.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}

/** "Edit" and "Remove" (with confirmation) for one row of a table. */
export function EditRemoveActions(props: {
  /** the row's name, for the buttons' accessible names */
  name: string;
  onEdit: () => void;
  removeTitle: string;
  removeText: string;
  onRemove: () => Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={props.onEdit}
        aria-label={t('common.editNamed', { name: props.name })}
      >
        {t('common.edit')}
      </Button>
      <ConfirmButton
        aria-label={t('common.removeNamed', { name: props.name })}
        title={props.removeTitle}
        text={props.removeText}
        confirmLabel={t('common.remove')}
        onConfirm={props.onRemove}
      >
        {t('common.remove')}
      </ConfirmButton>
    </div>
  );
}
