import { Textfield } from '@digdir/designsystemet-react';
import { type KeyboardEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, SelectInput } from '../../components/form.tsx';
import { useDeviationPeople } from '../deviations/api.ts';
import './documents.css';

export interface Named {
  id: string;
  name: string;
}

/**
 * A person chosen by searching the organisation's people (the same search the case handling uses):
 * a search field that narrows a list to choose from. Enter in the search field moves on to the list
 * instead of sending the form around it.
 */
export function PersonSearch({
  formId,
  name,
  label,
  searchLabel,
  value,
  onChange,
  error,
  exclude = [],
}: {
  formId: string;
  name: string;
  label: string;
  searchLabel: string;
  value: string;
  onChange: (person: Named | null) => void;
  error?: string | undefined;
  exclude?: string[];
}): ReactElement {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = useDeviationPeople(q, false);
  const options = (people.data?.items ?? [])
    .filter((p) => !exclude.includes(p.id))
    .slice(0, 50)
    .map((p) => ({ value: p.id, label: [p.name, p.profession].filter(Boolean).join(', '), name: p.name }));
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    document.getElementById(fieldId(formId, name))?.focus();
  };
  return (
    <div className="doc-person-search">
      <Textfield
        id={`${fieldId(formId, name)}-search`}
        label={searchLabel}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onKeyDown={onSearchKey}
        autoComplete="off"
        data-size="sm"
      />
      <SelectInput
        formId={formId}
        name={name}
        label={label}
        value={value}
        onChange={(event) => {
          const found = options.find((o) => o.value === event.target.value);
          onChange(found ? { id: found.value, name: found.name } : null);
        }}
        placeholder={people.isPending ? t('common.loading') : t('form.choose')}
        options={options}
        error={error}
      />
    </div>
  );
}
