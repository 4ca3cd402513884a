import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransitionAction } from '../../../../contracts/deviations.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { useCase } from './caseContext.ts';
import { AcceptForm, ForwardForm, TextTransitionForm } from './TransitionForms.tsx';

// In the order a person meets them: take it, pass it on or up, answer as a body, finish, look back.
const order: TransitionAction[] = [
  'accept',
  'forward',
  'escalate',
  'record_position',
  'return',
  'resolve',
  'close',
  'reopen',
  'lift_for_learning',
];

/** The moves the server allows this person now; nothing else is offered. */
export function TransitionPanel(): ReactElement | null {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const [open, setOpen] = useState<TransitionAction | null>(null);
  const [done, setDone] = useState<TransitionAction | null>(null);
  const allowed = order.filter((action) => deviation.allowedActions.includes(action));
  if (allowed.length === 0 && !done) return null;

  const close = (): void => setOpen(null);
  const finish = (): void => {
    setDone(open);
    setOpen(null);
  };

  function form(action: TransitionAction): ReactElement {
    switch (action) {
      case 'accept':
        return <AcceptForm onDone={finish} onCancel={close} />;
      case 'forward':
        return <ForwardForm onDone={finish} onCancel={close} />;
      default:
        return <TextTransitionForm action={action} onDone={finish} onCancel={close} />;
    }
  }

  return (
    <section className="case-panel" aria-labelledby="case-next-steps">
      <Heading level={2} data-size="xs" id="case-next-steps">
        {t('caseActions.title')}
      </Heading>
      {done ? (
        <Paragraph role="status" className="success-note">
          {t(`caseActions.${done}.done`)}
        </Paragraph>
      ) : null}
      <div className="button-row mt-2">
        {allowed.map((action, index) => (
          <Button
            key={action}
            variant={index === 0 ? 'primary' : 'secondary'}
            data-size="sm"
            onClick={() => {
              setDone(null);
              setOpen(action);
            }}
          >
            {t(`caseActions.${action}.button`)}
          </Button>
        ))}
      </div>
      <FormDialog open={open !== null} onClose={close} title={open ? t(`caseActions.${open}.title`) : ''}>
        {open ? form(open) : null}
      </FormDialog>
    </section>
  );
}
