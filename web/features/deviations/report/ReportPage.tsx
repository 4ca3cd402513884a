import './report.css';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/auth.ts';
import type {
  CreateDeviationBody,
  DeviationConfig,
  DeviationReceipt,
} from '../../../../contracts/deviations.ts';
import { isApiError } from '../../../api.ts';
import { type FieldErrors, FormErrors } from '../../../components/form.tsx';
import { Page } from '../../../components/Page.tsx';
import { EmptyState, ErrorAlert, Loading } from '../../../components/QueryState.tsx';
import { useMe } from '../../../session.ts';
import { deviationApi, refreshDeviations, useDeviationConfig } from '../api.ts';
import { useLocalized } from '../localized.ts';
import { DetailsStep, FORM_ID, type UnitOption } from './DetailsStep.tsx';
import { clearDraft, emptyDraft, loadDraft, type ReportDraft, type Step, saveDraft } from './draft.ts';
import { EntryStep } from './EntryStep.tsx';
import { Receipt } from './Receipt.tsx';
import { TypeStep } from './TypeStep.tsx';
import { validPath } from './tree.ts';
import { detailErrors, identifierErrors } from './validate.ts';

export function ReportPage(): ReactElement {
  const { t } = useTranslation();
  const config = useDeviationConfig();
  return (
    <Page title={t('report.title')} lead={<Paragraph>{t('report.lead')}</Paragraph>}>
      {config.isPending ? (
        <Loading />
      ) : config.isError ? (
        <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />
      ) : config.data.entries.length === 0 ? (
        <EmptyState>{t('report.noEntries')}</EmptyState>
      ) : (
        <ReportWizard config={config.data} />
      )}
    </Page>
  );
}

/** The reporter's units (any role), each once: where a report most often happened. */
function ownUnitsOf(me: Me): UnitOption[] {
  const seen = new Map<string, UnitOption>();
  for (const role of me.roles)
    if (!seen.has(role.unitId)) seen.set(role.unitId, { id: role.unitId, name: role.unitName });
  return [...seen.values()];
}

/** The same default the server applies: the unit where one works, else any unit one has a role in. */
function defaultUnitOf(me: Me): string {
  return (
    me.roles.find((r) => r.role === 'staff')?.unitId ??
    me.roles.find((r) => r.role !== 'administrator')?.unitId ??
    me.roles[0]?.unitId ??
    ''
  );
}

/** A stored draft checked against today's configuration: a removed entry or type is chosen again. */
function reconcile(draft: ReportDraft, config: DeviationConfig): ReportDraft {
  const entryOk = config.entries.some((e) => e.id === draft.entryId);
  const path = entryOk ? validPath(config.categories, draft.entryId, draft.path) : [];
  const typeChosen = config.categories.some((c) => c.id === path.at(-1) && c.selectable);
  const step: Step = !entryOk ? 1 : draft.step === 3 && !typeChosen ? 2 : draft.step;
  return { ...draft, entryId: entryOk ? draft.entryId : '', path, step };
}

/** The values a set of errors was given for: an error stays only while its field is unchanged. */
function snapshotOf(draft: ReportDraft, patientIdentifier: string): Record<string, string> {
  return {
    categoryId: draft.path.at(-1) ?? '',
    unitId: draft.unitId,
    occurredAt: draft.occurredAt,
    description: draft.description,
    immediateAction: draft.immediateAction,
    suggestion: draft.suggestion,
    patientIdentifier,
  };
}

interface Attempt {
  n: number;
  errors: FieldErrors;
  general: string | null;
  snapshot: Record<string, string>;
}

function ReportWizard({ config }: { config: DeviationConfig }): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const name = useLocalized();
  const personId = me.person.id;
  const ownUnits = ownUnitsOf(me);
  const defaultUnit = defaultUnitOf(me);

  const [initial] = useState(() => {
    const loaded = loadDraft(personId, emptyDraft(defaultUnit));
    return loaded
      ? { draft: reconcile(loaded, config), restored: true }
      : { draft: emptyDraft(defaultUnit), restored: false };
  });
  const [draft, setDraft] = useState<ReportDraft>(initial.draft);
  const [restored, setRestored] = useState(initial.restored);
  // The protected identifier lives only in memory: never in the draft, never in storage.
  const [patientIdentifier, setPatientIdentifier] = useState('');
  const [stepError, setStepError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Files, like the identifier, live only in memory: a draft cannot hold them.
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<{
    receipt: DeviationReceipt;
    submitted: ReportDraft;
    files: File[];
  } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => saveDraft(personId, draft), [personId, draft]);
  // A new step (or the receipt) is announced by moving focus to its heading.
  useEffect(() => {
    if (focusTick > 0) heading.current?.focus();
  }, [focusTick]);

  const update = (patch: Partial<ReportDraft>): void => setDraft((current) => ({ ...current, ...patch }));
  const entry = config.entries.find((e) => e.id === draft.entryId);
  const chosen = config.categories.find((c) => c.id === draft.path.at(-1) && c.selectable);
  const patientFieldShown = draft.patientInvolved;

  function go(step: Step): void {
    setStepError(null);
    update({ step });
    setFocusTick((n) => n + 1);
  }

  function refuse(message: string): void {
    setStepError(message);
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>('.report-choices[aria-invalid] input[type="radio"]')?.focus(),
    );
  }

  function startOver(): void {
    clearDraft(personId);
    setDraft(emptyDraft(defaultUnit));
    setRestored(false);
    setPatientIdentifier('');
    setFiles([]);
    setAttempt(null);
    setStepError(null);
    setDone(null);
    setFocusTick((n) => n + 1);
  }

  async function submit(): Promise<void> {
    const snapshot = snapshotOf(draft, patientIdentifier);
    const n = (attempt?.n ?? 0) + 1;
    const errors = detailErrors(draft, patientIdentifier, patientFieldShown, t);
    if (!chosen || Object.keys(errors).length > 0) {
      setAttempt({ n, errors, general: null, snapshot });
      return;
    }
    const body: CreateDeviationBody = {
      categoryId: chosen.id,
      unitId: draft.unitId,
      occurredAt: new Date(draft.occurredAt).toISOString(),
      description: draft.description,
      ...(draft.immediateAction.trim() ? { immediateAction: draft.immediateAction } : {}),
      ...(draft.suggestion.trim() ? { suggestion: draft.suggestion } : {}),
      patientInvolved: draft.patientInvolved,
      patientHarmed: draft.patientHarmed,
      patientIdentifier: patientFieldShown && patientIdentifier.trim() ? patientIdentifier.trim() : null,
      reporterNameShared: draft.reporterNameShared,
      ...(draft.companionOf ? { companionOf: draft.companionOf.id } : {}),
    };
    setSubmitting(true);
    setAttempt(null);
    try {
      // The draft's own key: a retry after a lost answer is stored once.
      const receipt = await deviationApi.submit(body, draft.idempotencyKey);
      clearDraft(personId);
      // The files go up from the receipt, one by one, now that the report has its id.
      setDone({ receipt, submitted: draft, files });
      setDraft(emptyDraft(defaultUnit));
      setRestored(false);
      setPatientIdentifier('');
      setFiles([]);
      setFocusTick((k) => k + 1);
      void refreshDeviations(queryClient);
    } catch (error) {
      const fieldErrors: FieldErrors = {};
      if (isApiError(error)) for (const f of error.fieldErrors) fieldErrors[f.path] ??= f.message;
      const general = isApiError(error) ? error.message : t('common.errorUnknown');
      setAttempt({ n, errors: fieldErrors, general, snapshot });
    } finally {
      setSubmitting(false);
    }
  }

  function startCompanion(): void {
    if (!done?.receipt.companion) return;
    const first = done.submitted;
    setDraft({
      ...emptyDraft(first.unitId),
      entryId: done.receipt.companion.entryId,
      step: 2,
      description: first.description,
      occurredAt: first.occurredAt,
      immediateAction: first.immediateAction,
      patientInvolved: first.patientInvolved,
      patientHarmed: first.patientHarmed,
      reporterNameShared: first.reporterNameShared,
      companionOf: { id: done.receipt.id, number: done.receipt.number },
    });
    setDone(null);
    setFocusTick((k) => k + 1);
  }

  if (done)
    return (
      <Receipt
        receipt={done.receipt}
        files={done.files}
        headingRef={heading}
        onCompanion={startCompanion}
        onAnother={startOver}
      />
    );

  // An error shows while its field still holds what was sent; an identifier is flagged as it is typed.
  const now = snapshotOf(draft, patientIdentifier);
  const kept = Object.entries(attempt?.errors ?? {}).filter(
    ([path]) => now[path] === undefined || now[path] === attempt?.snapshot[path],
  );
  const errors: FieldErrors = { ...Object.fromEntries(kept), ...identifierErrors(draft, t) };
  const stepNames: Record<Step, string> = {
    1: t('report.steps.entry'),
    2: t('report.steps.type'),
    3: t('report.steps.details'),
  };

  return (
    <div className="stack report">
      {restored ? (
        <Alert data-color="info" data-testid="draft-restored">
          <div className="report-draft">
            <Paragraph>{t('report.draft.restored')}</Paragraph>
            <Button variant="secondary" data-size="sm" onClick={startOver}>
              {t('report.draft.discard')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <Heading level={2} data-size="sm" ref={heading} tabIndex={-1} className="report-step">
        {t('report.stepHeading', { step: draft.step, name: stepNames[draft.step] })}
      </Heading>
      {draft.step === 1 || !entry ? (
        <EntryStep
          entries={config.entries}
          entryId={draft.entryId}
          error={stepError}
          onChoose={(entryId) => {
            setStepError(null);
            update({ entryId, path: entryId === draft.entryId ? draft.path : [] });
          }}
          onNext={() => (draft.entryId ? go(2) : refuse(t('report.entry.required')))}
        />
      ) : draft.step === 2 || !chosen ? (
        <TypeStep
          categories={config.categories}
          entryId={entry.id}
          entryName={name(entry.name)}
          path={draft.path}
          error={stepError}
          onPath={(path) => {
            setStepError(null);
            update({ path });
          }}
          onNext={() => (chosen ? go(3) : refuse(t('report.type.required')))}
          onBack={() => go(1)}
        />
      ) : (
        <DetailsStep
          draft={draft}
          update={update}
          patientIdentifier={patientIdentifier}
          onPatientIdentifier={setPatientIdentifier}
          ownUnits={ownUnits}
          organisationId={me.organisation.id}
          errors={errors}
          summary={
            attempt ? (
              <FormErrors
                formId={FORM_ID}
                errors={errors}
                // The server's general message only when it named no field; field errors say more.
                general={Object.keys(attempt.errors).length === 0 ? attempt.general : null}
                attempt={attempt.n}
                labels={{
                  description: t('report.form.description'),
                  occurredAt: t('report.form.occurredAt'),
                  unitId: t('report.form.unit'),
                  immediateAction: t('report.form.immediateAction'),
                  suggestion: t('report.form.suggestion'),
                  patientIdentifier: t('report.form.patientIdentifier'),
                }}
              />
            ) : null
          }
          files={files}
          onFiles={setFiles}
          submitting={submitting}
          onSubmit={() => void submit()}
          onBack={() => go(2)}
        />
      )}
    </div>
  );
}
