import { Button } from '@digdir/designsystemet-react';
import type { FormEvent, ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors, FormErrors } from '../../../components/form.tsx';

interface CaseFormProps {
  formId: string;
  /** the form's state (useForm): its errors and whether it is being sent */
  form: { errors: FieldErrors; general: string | null; attempt: number; submitting: boolean };
  /** the fields' labels, for the error summary's links */
  labels: Record<string, string>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}

/** A form in a case's dialog: the error summary first, then the fields, then send and cancel. */
export function CaseForm(props: CaseFormProps): ReactElement {
  const { t } = useTranslation();
  const { formId, form } = props;
  return (
    <form id={formId} onSubmit={(event) => void props.onSubmit(event)} noValidate className="stack">
      <FormErrors
        formId={formId}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={props.labels}
      />
      {props.children}
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {props.submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
