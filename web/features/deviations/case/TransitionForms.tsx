import { Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransitionAction, TransitionBody } from '../../../../contracts/deviations.ts';
import { type FieldErrors, fieldId, TextArea, useForm } from '../../../components/form.tsx';
import { handlingApi, useDeviationPeople } from '../api.ts';
import { CaseForm } from './CaseForm.tsx';
import { ChangedDocumentsPicker, type ChosenDocument } from './ChangedDocuments.tsx';
import { useCase, useCaseChange } from './caseContext.ts';

/** The one text each transition asks for, by the contract's field name. */
export const textField = {
  forward: 'reason',
  escalate: 'reason',
  record_position: 'position',
  return: 'instructions',
  resolve: 'summary',
  close: 'feedback',
  reopen: 'reason',
  lift_for_learning: 'reason',
} as const;
type TextAction = keyof typeof textField;

function bodyOf(
  action: TextAction,
  text: string,
  expectedVersion: number,
  changedDocumentIds: string[] = [],
): TransitionBody {
  switch (action) {
    case 'escalate':
    case 'reopen':
    case 'lift_for_learning':
      return { action, reason: text, expectedVersion };
    case 'record_position':
      return { action, position: text, expectedVersion };
    case 'return':
      return { action, instructions: text, expectedVersion };
    case 'resolve':
      return { action, summary: text, expectedVersion };
    case 'close':
      return changedDocumentIds.length > 0
        ? { action, feedback: text, changedDocumentIds, expectedVersion }
        : { action, feedback: text, expectedVersion };
    case 'forward':
      throw new Error('forward has its own form');
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
}

interface FormProps {
  onDone: () => void;
  onCancel: () => void;
}

/** Taking a case: nothing to fill in, only a clear "yes". */
export function AcceptForm({ onDone, onCancel }: FormProps): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const form = useForm({});
  const onSubmit = form.submit(async () => {
    await change(() =>
      handlingApi.transition(deviation.id, { action: 'accept', expectedVersion: deviation.version }),
    );
    onDone();
  });
  return (
    <CaseForm
      formId="case-accept"
      form={form}
      labels={{}}
      onSubmit={onSubmit}
      submitLabel={t('caseActions.accept.submit')}
      onCancel={onCancel}
    >
      <Paragraph>{t('caseActions.accept.text', { unit: deviation.unit.name })}</Paragraph>
    </CaseForm>
  );
}

/** Transitions that carry one text: a reason, a position, instructions, a summary, the feedback. */
export function TextTransitionForm({
  action,
  onDone,
  onCancel,
}: FormProps & { action: TextAction }): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const formId = `case-${action}`;
  const field = textField[action];
  const form = useForm({ text: '' });
  // Closing may name the documents changed because of the case ("routine changed").
  const [changed, setChanged] = useState<ChosenDocument[]>([]);
  const label = t(`caseActions.${action}.field`);
  const clientErrors: FieldErrors = form.values.text.trim() ? {} : { [field]: t('validation.required') };
  const onSubmit = form.submit(async () => {
    await change(() =>
      handlingApi.transition(
        deviation.id,
        bodyOf(
          action,
          form.values.text,
          deviation.version,
          changed.map((doc) => doc.id),
        ),
      ),
    );
    onDone();
  }, clientErrors);
  return (
    <CaseForm
      formId={formId}
      form={form}
      labels={{ [field]: label }}
      onSubmit={onSubmit}
      submitLabel={t(`caseActions.${action}.submit`)}
      onCancel={onCancel}
    >
      <ActionIntro action={action} />
      <TextArea
        formId={formId}
        name={field}
        label={label}
        value={form.values.text}
        onChange={form.bind('text')}
        error={form.errors[field]}
        rows={5}
        required
      />
      {action === 'close' ? (
        <ChangedDocumentsPicker formId={formId} chosen={changed} onChange={setChanged} errors={form.errors} />
      ) : null}
    </CaseForm>
  );
}

/** What the step does, in words: where the case goes, who reads the text. */
function ActionIntro({ action }: { action: TransitionAction }): ReactElement | null {
  const { t } = useTranslation();
  const { deviation } = useCase();
  // The same rule as the server's: from the manager to the body that last returned it (else the
  // first); from a body to the next one up.
  const nextPosition = deviation.currentBody
    ? deviation.ladderPosition + 1
    : Math.max(1, deviation.ladderPosition);
  const next = deviation.ladder.find((s) => s.position === nextPosition);
  const first = deviation.ladder[0];
  switch (action) {
    case 'escalate':
      return next ? <Paragraph>{t('caseActions.escalate.text', { body: next.bodyName })}</Paragraph> : null;
    case 'lift_for_learning':
      return first ? (
        <Paragraph>{t('caseActions.lift_for_learning.text', { body: first.bodyName })}</Paragraph>
      ) : null;
    case 'close':
      return <Paragraph>{t('caseActions.close.text')}</Paragraph>;
    case 'return':
      return <Paragraph>{t('caseActions.return.text', { name: deviation.handler.name })}</Paragraph>;
    case 'record_position':
      return <Paragraph>{t('caseActions.record_position.text')}</Paragraph>;
    default:
      return null;
  }
}

/** Forwarding to another manager: search, choose one, say why. */
export function ForwardForm({ onDone, onCancel }: FormProps): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const formId = 'case-forward';
  const [q, setQ] = useState('');
  const people = useDeviationPeople(q, true);
  const form = useForm({ toPersonId: '', reason: '' });
  const labels = { toPersonId: t('caseActions.forward.person'), reason: t('caseActions.forward.field') };
  const clientErrors: FieldErrors = {};
  if (!form.values.toPersonId) clientErrors.toPersonId = t('validation.choose');
  if (!form.values.reason.trim()) clientErrors.reason = t('validation.required');
  const onSubmit = form.submit(async () => {
    await change(() =>
      handlingApi.transition(deviation.id, {
        action: 'forward',
        toPersonId: form.values.toPersonId,
        reason: form.values.reason,
        expectedVersion: deviation.version,
      }),
    );
    onDone();
  }, clientErrors);
  const candidates = (people.data?.items ?? []).filter((p) => p.id !== deviation.handler.id).slice(0, 20);
  const chosenStillShown = candidates.some((p) => p.id === form.values.toPersonId);
  return (
    <CaseForm
      formId={formId}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      submitLabel={t('caseActions.forward.submit')}
      onCancel={onCancel}
    >
      <Textfield
        id={`${formId}-search`}
        label={t('caseActions.forward.search')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        autoComplete="off"
      />
      <Fieldset aria-invalid={form.errors.toPersonId ? true : undefined} aria-busy={people.isFetching}>
        <Fieldset.Legend>{labels.toPersonId}</Fieldset.Legend>
        {candidates.length === 0 && !people.isPending ? (
          <Paragraph data-size="sm">{t('caseActions.forward.none')}</Paragraph>
        ) : null}
        {candidates.map((person, index) => (
          <Radio
            key={person.id}
            id={index === 0 ? fieldId(formId, 'toPersonId') : `${formId}-person-${person.id}`}
            name="toPersonId"
            value={person.id}
            checked={form.values.toPersonId === person.id}
            onChange={() => form.set('toPersonId', person.id)}
            label={person.name}
            description={[person.profession, ...person.units].filter(Boolean).join(' · ')}
          />
        ))}
        {form.values.toPersonId && !chosenStillShown ? (
          <Paragraph data-size="sm">{t('caseActions.forward.chosenHidden')}</Paragraph>
        ) : null}
        {form.errors.toPersonId ? <ValidationMessage>{form.errors.toPersonId}</ValidationMessage> : null}
      </Fieldset>
      <TextArea formId={formId} {...form.field('reason')} label={labels.reason} rows={4} required />
    </CaseForm>
  );
}
