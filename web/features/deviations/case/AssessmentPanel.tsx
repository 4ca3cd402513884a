import { Button, Heading, Paragraph, Switch, ValidationMessage } from '@digdir/designsystemet-react';
import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrors, useForm } from '../../../components/form.tsx';
import { errorMessage } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { handlingApi } from '../api.ts';
import { useCase, useCaseChange } from './caseContext.ts';

const scale = [1, 2, 3, 4] as const;

export function riskLevel(score: number): 'low' | 'medium' | 'high' {
  if (score <= 3) return 'low';
  if (score <= 8) return 'medium';
  return 'high';
}

/**
 * Risk as consequence × probability: sixteen radio buttons in one group (arrow keys move between
 * them), each named by both values and the score, so a screen reader hears what a sighted person
 * reads off the grid.
 */
function RiskMatrix({ editable }: { editable: boolean }): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const formId = 'case-risk';
  const [choice, setChoice] = useState({
    consequence: deviation.risk?.consequence ?? 0,
    probability: deviation.risk?.probability ?? 0,
  });
  useEffect(
    () =>
      setChoice({
        consequence: deviation.risk?.consequence ?? 0,
        probability: deviation.risk?.probability ?? 0,
      }),
    [deviation.risk?.consequence, deviation.risk?.probability],
  );
  const form = useForm({});
  const score = choice.consequence * choice.probability;
  const changed =
    choice.consequence !== (deviation.risk?.consequence ?? 0) ||
    choice.probability !== (deviation.risk?.probability ?? 0);
  const onSubmit = form.submit(
    async () => {
      await change(() =>
        handlingApi.update(deviation.id, {
          riskConsequence: choice.consequence,
          riskProbability: choice.probability,
          expectedVersion: deviation.version,
        }),
      );
    },
    score === 0 ? { riskConsequence: t('validation.choose') } : undefined,
  );

  return (
    <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate>
      <FormErrors
        formId={formId}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={{
          riskConsequence: t('cases.risk.consequence'),
          riskProbability: t('cases.risk.probability'),
        }}
      />
      <fieldset className="plain-fieldset" disabled={!editable}>
        <legend className="ds-sr-only">{t('cases.risk.legend')}</legend>
        <div className="table-scroll">
          <table className="risk-matrix">
            <caption className="ds-sr-only">{t('cases.risk.legend')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t('cases.risk.consequence')} ↓ / {t('cases.risk.probability')} →
                </th>
                {scale.map((p) => (
                  <th scope="col" key={p}>
                    {p} {t(`cases.risk.p${p}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...scale].reverse().map((c) => (
                <tr key={c}>
                  <th scope="row">
                    {c} {t(`cases.risk.c${c}`)}
                  </th>
                  {scale.map((p) => (
                    <td key={p} data-level={riskLevel(c * p)}>
                      <label>
                        <input
                          type="radio"
                          name="risk"
                          id={c === 4 && p === 1 ? `${formId}-riskConsequence` : undefined}
                          value={`${c}-${p}`}
                          checked={choice.consequence === c && choice.probability === p}
                          onChange={() => setChoice({ consequence: c, probability: p })}
                          aria-label={t('cases.risk.cell', { consequence: c, probability: p, score: c * p })}
                        />
                        <span aria-hidden="true">{c * p}</span>
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <Paragraph className="mt-2" role="status">
        {score > 0
          ? t('cases.risk.score', { score, level: t(`cases.risk.level.${riskLevel(score)}`) })
          : t('cases.risk.none')}
      </Paragraph>
      {editable ? (
        <Button type="submit" data-size="sm" className="mt-2" loading={form.submitting} disabled={!changed}>
          {t('cases.risk.save')}
        </Button>
      ) : null}
    </form>
  );
}

/** "Raise at the unit meeting": saved as soon as it is switched. */
function MeetingToggle({ editable }: { editable: boolean }): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  const { deviation } = useCase();
  const change = useCaseChange();
  // While saving, the switch shows the new position; a failure puts it back and says why.
  const [saving, setSaving] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function toggle(next: boolean): Promise<void> {
    if (saving !== null) return;
    setSaving(next);
    setFailure(null);
    try {
      await change(() =>
        handlingApi.update(deviation.id, { raiseAtUnitMeeting: next, expectedVersion: deviation.version }),
      );
    } catch (error) {
      setFailure(errorMessage(error, t('common.errorUnknown')));
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="mt-4">
      <Switch
        id="case-raise-at-meeting"
        label={t('cases.meeting.toggle')}
        description={
          deviation.unitMeetingRaisedOn
            ? t('cases.meeting.raisedOn', { date: f.date(deviation.unitMeetingRaisedOn) })
            : undefined
        }
        checked={saving ?? deviation.raiseAtUnitMeeting}
        disabled={!editable}
        aria-busy={saving !== null}
        onChange={(event) => void toggle(event.target.checked)}
      />
      {failure ? <ValidationMessage>{failure}</ValidationMessage> : null}
    </div>
  );
}

/** The handler's assessment: the risk and whether the case goes to the unit meeting. */
export function AssessmentPanel(): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const editable = deviation.allowedActions.includes('edit_handling');
  return (
    <section className="case-panel" aria-labelledby="case-assessment">
      <Heading level={2} data-size="xs" id="case-assessment">
        {t('cases.risk.title')}
      </Heading>
      <RiskMatrix editable={editable} />
      <MeetingToggle editable={editable} />
    </section>
  );
}
