import {
  Alert,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import {
  type ChangeEvent,
  type FormEvent,
  type ReactElement,
  type ReactNode,
  useCallback,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../api.ts';

export type FieldErrors = Record<string, string>;

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  params?: unknown;
}

/** Zod's own messages are English only; each issue is told again in the person's language. */
function issueMessage(issue: ZodIssueLike, t: TFunction): string {
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.required');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      return issue.origin === 'string'
        ? t('validation.tooShort', { min: Number(issue.minimum) })
        : t('validation.tooFew', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: Number(issue.maximum) })
        : t('validation.tooMany', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      return issue.path.at(-1) === 'username' ? t('validation.username') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    case 'custom': {
      const params = issue.params;
      const key =
        typeof params === 'object' && params !== null && 'key' in params ? String(params.key) : undefined;
      if (key === 'validation.required') return t('validation.required');
      if (key === 'validation.control_characters') return t('validation.controlCharacters');
      return t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks form values against a contract schema; field errors keyed by dotted path. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  t: TFunction,
): Validation<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issueMessage(issue as ZodIssueLike, t);
  }
  return { ok: false, errors };
}

/** The keys of a form's values that hold text, the only ones an input can edit directly. */
type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

export interface FormState<T> {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  /** an onChange for text inputs, selects and textareas */
  bind: (
    key: keyof T & string,
  ) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  /** the props every input takes for one field: its name, value, onChange and error */
  field: (key: StringKeys<T>) => {
    name: string;
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
    error: string | undefined;
  };
  reset: (values?: T) => void;
  errors: FieldErrors;
  /** the server's message when it is not about one field */
  general: string | null;
  /** bumps on every failed submit, so the error summary appears again and takes focus */
  attempt: number;
  submitting: boolean;
  /** runs a submit: validation, the call, and the server's errors onto the fields */
  submit: (
    run: () => Promise<void> | void,
    clientErrors?: FieldErrors,
  ) => (event?: FormEvent<HTMLFormElement>) => Promise<void>;
  fail: (errors: FieldErrors, general?: string | null) => void;
}

export function useForm<T extends object>(initial: T): FormState<T> {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);

  const fail = useCallback((fieldErrors: FieldErrors, message: string | null = null) => {
    setErrors(fieldErrors);
    setGeneral(message);
    setAttempt((n) => n + 1);
  }, []);

  const bind: FormState<T>['bind'] = (key) => (event) => set(key, event.target.value as T[typeof key]);
  return {
    values,
    set,
    bind,
    field: (key) => ({ name: key, value: values[key] as string, onChange: bind(key), error: errors[key] }),
    reset: (next) => {
      setValues(next ?? initial);
      setErrors({});
      setGeneral(null);
    },
    errors,
    general,
    attempt,
    submitting,
    fail,
    submit: (run, clientErrors) => async (event) => {
      event?.preventDefault();
      if (clientErrors && Object.keys(clientErrors).length > 0) {
        fail(clientErrors);
        return;
      }
      setSubmitting(true);
      setErrors({});
      setGeneral(null);
      try {
        await run();
      } catch (error) {
        if (isApiError(error)) {
          const fieldErrors: FieldErrors = {};
          for (const f of error.fieldErrors) if (!(f.path in fieldErrors)) fieldErrors[f.path] = f.message;
          fail(fieldErrors, error.message);
        } else {
          fail({}, t('common.errorUnknown'));
        }
      } finally {
        setSubmitting(false);
      }
    },
  };
}

/** The id of a field's input, so the error summary can link to it. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replaceAll('.', '-')}`;
}

interface FormErrorsProps {
  formId: string;
  errors: FieldErrors;
  general: string | null;
  attempt: number;
  /** the visible label of each field, by path */
  labels: Record<string, string>;
}

/** The summary at the top of a form: every field error as a link to its field, or the server's message. */
export function FormErrors({
  formId,
  errors,
  general,
  attempt,
  labels,
}: FormErrorsProps): ReactElement | null {
  const { t } = useTranslation();
  // In the order the fields appear, which is the order of the labels given.
  const order = Object.keys(labels);
  const rank = (path: string): number => {
    const i = order.indexOf(path);
    return i === -1 ? order.length : i;
  };
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0 && !general) return null;
  if (entries.length === 0) {
    return (
      <Alert data-color="danger" role="alert" key={attempt}>
        <Paragraph>{general}</Paragraph>
      </Alert>
    );
  }
  return (
    <ErrorSummary key={attempt}>
      <Heading level={2} data-size="xs">
        {t('form.errorSummary')}
      </Heading>
      <ErrorSummary.List>
        {entries.map(([path, message]) => (
          <ErrorSummary.Item key={path}>
            <ErrorSummary.Link href={`#${fieldId(formId, path)}`}>
              {labels[path] ? `${labels[path]}: ${message}` : message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/**
 * A form of the house: its id (the summary links to its fields by it), no browser validation (the
 * contract's messages, in the user's language, come instead), and the error summary before its fields.
 */
export function FormShell({
  formId,
  form,
  labels,
  onSubmit,
  className = 'stack',
  children,
}: {
  formId: string;
  form: Pick<FormState<object>, 'errors' | 'general' | 'attempt'>;
  /** the visible label of each field, by path, in the order the fields appear */
  labels: Record<string, string>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  className?: string;
  children: ReactNode;
}): ReactElement {
  return (
    <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate className={className}>
      <FormErrors
        formId={formId}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={labels}
      />
      {children}
    </form>
  );
}

interface TextInputProps {
  formId: string;
  name: string;
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string;
  description?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'datetime-local';
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
  /** leave out "(optional)" where every field is optional, as in a filter */
  hideOptional?: boolean;
}

/** A labelled single-line input with its error beside it. */
export function TextInput(props: TextInputProps): ReactElement {
  const { t } = useTranslation();
  const { formId, name, label, error, required, description, hideOptional, ...input } = props;
  return (
    <Textfield
      id={fieldId(formId, name)}
      name={name}
      label={
        required || hideOptional ? (
          label
        ) : (
          <>
            {label} <span className="optional">({t('form.optional')})</span>
          </>
        )
      }
      description={description}
      error={error}
      required={required}
      {...input}
    />
  );
}

interface TextAreaProps {
  formId: string;
  name: string;
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  error?: string;
  rows?: number;
  required?: boolean;
  hideOptional?: boolean;
}

export function TextArea(props: TextAreaProps): ReactElement {
  const { t } = useTranslation();
  const { formId, name, label, error, required, hideOptional, ...input } = props;
  return (
    <Textfield
      multiline
      id={fieldId(formId, name)}
      name={name}
      label={
        required || hideOptional ? (
          label
        ) : (
          <>
            {label} <span className="optional">({t('form.optional')})</span>
          </>
        )
      }
      error={error}
      required={required}
      {...input}
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectInputProps {
  formId: string;
  name: string;
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  options: Option[];
  /** a first, empty choice ("Choose …") */
  placeholder?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

export function SelectInput(props: SelectInputProps): ReactElement {
  const { formId, name, label, options, placeholder, error, required, ...select } = props;
  const id = fieldId(formId, name);
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} required={required} aria-invalid={error ? true : undefined} {...select}>
        {placeholder !== undefined ? <Select.Option value="">{placeholder}</Select.Option> : null}
        {options.map((option) => (
          <Select.Option key={option.value} value={option.value}>
            {option.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

/** Empty text becomes null for the API ("no HSA-id"), anything else is sent as typed. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
