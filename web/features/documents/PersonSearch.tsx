import { Textfield } from '@digdir/designsystemet-react';
import { type KeyboardEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, SelectInput } from '../../components/form.tsx';
import { type Colleague, useColleagues } from '../organisation/api.ts';
import type { Named } from './details.ts';
import './documents.css';

export type { Named };

/**
 * A person chosen by searching one's own organisation's people (the organisation module's colleague
 * search, which the case handling uses too). Each choice names the person's profession and units, so
 * that two of one name can be told apart. The chosen person stays among the choices whatever the
 * search finds. Enter in the search field moves on to the list instead of sending the form around it.
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
  const people = useColleagues(q);
  const found = (people.data?.items ?? [])
    .filter((p) => !exclude.includes(p.id))
    .map((p) => ({ value: p.id, label: choiceLabel(p), name: p.name }));
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
        description={people.data?.more ? t('documents.new.searchMore') : undefined}
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

/** "Name, profession (unit, unit)": what tells colleagues of one name apart. */
function choiceLabel(person: Colleague): string {
  const named = [person.name, person.profession].filter(Boolean).join(', ');
  return person.units.length > 0 ? `${named} (${person.units.join(', ')})` : named;
}
