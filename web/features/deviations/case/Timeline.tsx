import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrors, TextArea, useForm } from '../../../components/form.tsx';
import { useFormatters } from '../../../format.ts';
import { handlingApi } from '../api.ts';
import { useCase, useCaseChange } from './caseContext.ts';

// Events the texts name; anything newer the server records is still shown, by its code.
const known = new Set([
  'submitted',
  'accept',
  'forward',
  'escalate',
  'record_position',
  'return',
  'resolve',
  'close',
  'reopen',
  'lift_for_learning',
  'note',
  'risk_assessed',
  'marked_for_unit_meeting',
  'unmarked_for_unit_meeting',
  'raised_at_unit_meeting',
  'action_added',
  'action_updated',
  'contact_logged',
]);

/** An event's name in the user's language; one the texts do not know yet by its code. */
export function eventLabel(t: TFunction, action: string): string {
  return known.has(action) ? t(`cases.event.${action}`) : action;
}

function NoteForm(): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const formId = 'case-note';
  const form = useForm({ text: '' });
  const onSubmit = form.submit(
    async () => {
      await change(() => handlingApi.addNote(deviation.id, form.values.text));
      form.reset();
    },
    form.values.text.trim() ? undefined : { text: t('validation.required') },
  );
  return (
    <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate className="stack mt-2">
      <FormErrors
        formId={formId}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={{ text: t('cases.note.label') }}
      />
      <TextArea formId={formId} {...form.field('text')} label={t('cases.note.label')} rows={3} required />
      <div>
        <Button type="submit" variant="secondary" data-size="sm" loading={form.submitting}>
          {t('cases.note.add')}
        </Button>
      </div>
    </form>
  );
}

/** What happened to the case, newest first; notes are the handler's and never reach the reporter. */
export function Timeline(): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  const { deviation } = useCase();
  const events = [...deviation.events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="case-panel" aria-labelledby="case-timeline">
      <Heading level={2} data-size="xs" id="case-timeline">
        {t('cases.timeline.title')}
      </Heading>
      {deviation.allowedActions.includes('add_note') ? <NoteForm /> : null}
      <ol className="timeline mt-4">
        {events.map((event) => (
          <li key={event.id} className="timeline__item" data-testid="timeline-event">
            <Paragraph data-size="sm">
              <strong>{eventLabel(t, event.action)}</strong>
              {event.body ? ` · ${event.body.name}` : ''}
              {event.toPerson ? ` → ${event.toPerson.name}` : ''}
            </Paragraph>
            <Paragraph data-size="xs" className="muted">
              <time dateTime={event.at}>{f.dateTime(event.at)}</time>
              {event.actor ? ` · ${event.actor.name}` : ''}
              {event.toStatus && event.toStatus !== event.fromStatus
                ? ` · ${t('cases.timeline.status', { status: t(`cases.status.${event.toStatus}`) })}`
                : ''}
            </Paragraph>
            {event.comment ? <Paragraph className="prewrap mt-1">{event.comment}</Paragraph> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
