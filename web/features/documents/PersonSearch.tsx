import { Textfield } from '@digdir/designsystemet-react';
import { type KeyboardEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, SelectInput } from '../../components/form.tsx';
import { useDeviationPeople } from '../deviations/api.ts';
import type { Named } from './details.ts';
import './documents.css';

export type { Named };

/**
 * A person chosen by searching the organisation's people (the same search the case handling uses).
 * The chosen person stays among the choices whatever the search finds. Enter in the search field
 * moves on to the list instead of sending the form around it.
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
  placeholder,
}: {
  formId: string;
  name: string;
  label: string;
  searchLabel: string;
  value: Named | null;
  onChange: (person: Named | null) => void;
  error?: string;
  exclude?: string[];
  /** the empty first choice; null for a field that must always name someone (the owner) */
  placeholder?: string | null;
}): ReactElement {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = useDeviationPeople(q, false);
  const found = (people.data?.items ?? [])
    .filter((p) => !exclude.includes(p.id))
    .slice(0, 50)
    .map((p) => ({ value: p.id, label: [p.name, p.profession].filter(Boolean).join(', '), name: p.name }));
  const options =
    value && !found.some((o) => o.value === value.id)
      ? [{ value: value.id, label: value.name, name: value.name }, ...found]
      : found;
  const empty = placeholder === null ? undefined : (placeholder ?? t('form.choose'));
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
        value={value?.id ?? ''}
        onChange={(event) => {
          const picked = options.find((o) => o.value === event.target.value);
          onChange(picked ? { id: picked.value, name: picked.name } : null);
        }}
        placeholder={people.isPending && empty !== undefined ? t('common.loading') : empty}
        options={options}
        error={error}
      />
    </div>
  );
}
