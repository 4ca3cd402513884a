import { Button, Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationConfig } from '../../../../contracts/deviations.ts';
import { useLocalized } from '../localized.ts';

interface EntryStepProps {
  entries: DeviationConfig['entries'];
  entryId: string;
  error: string | null;
  onChoose: (entryId: string) => void;
  onNext: () => void;
}

/** Step 1: the organisation's entries as large cards, each with its help text. */
export function EntryStep({ entries, entryId, error, onChoose, onNext }: EntryStepProps): ReactElement {
  const { t } = useTranslation();
  const name = useLocalized();
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <Fieldset className="report-choices" aria-invalid={error ? true : undefined}>
        <Fieldset.Legend>{t('report.entry.legend')}</Fieldset.Legend>
        {entries.map((entry) => (
          <div className="report-choice" key={entry.id}>
            <Radio
              id={`report-entry-${entry.key}`}
              name="entry"
              value={entry.id}
              checked={entryId === entry.id}
              onChange={() => onChoose(entry.id)}
              label={name(entry.name)}
              description={entry.help ? name(entry.help) : undefined}
            />
          </div>
        ))}
        {error ? <ValidationMessage id="report-entry-error">{error}</ValidationMessage> : null}
      </Fieldset>
      <div className="button-row">
        <Button type="submit">{t('report.next')}</Button>
      </div>
    </form>
  );
}
