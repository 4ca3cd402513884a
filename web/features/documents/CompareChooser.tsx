import { Button } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../components/form.tsx';

/** Any two versions of a document, chosen to be compared side by side. */
export function CompareChooser({
  id,
  numbers,
  from: initialFrom,
  to: initialTo,
}: {
  id: string;
  numbers: number[];
  from?: number;
  to?: number;
}): ReactElement | null {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sorted = [...numbers].sort((a, b) => a - b);
  const [from, setFrom] = useState(String(initialFrom ?? sorted.at(-2) ?? ''));
  const [to, setTo] = useState(String(initialTo ?? sorted.at(-1) ?? ''));
  if (sorted.length < 2) return null;
  const options = sorted.map((n) => ({
    value: String(n),
    label: t('documents.versions.versionN', { number: n }),
  }));
  return (
    <form
      className="inline-form doc-compare-form"
      aria-label={t('documents.versions.compareLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void navigate({
          to: '/documents/$id/compare',
          params: { id },
          search: { from: Number(from), to: Number(to) },
        });
      }}
    >
      <SelectInput
        formId="compare"
        name="from"
        label={t('documents.compare.from')}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        options={options}
      />
      <SelectInput
        formId="compare"
        name="to"
        label={t('documents.compare.to')}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        options={options}
      />
      <Button type="submit" variant="secondary" disabled={from === to}>
        {t('documents.versions.compare')}
      </Button>
    </form>
  );
}
