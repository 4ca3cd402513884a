import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import type { ChangeEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../contracts/deviations.ts';
import { fieldId, TextArea, TextInput } from '../../../components/form.tsx';

// The fields entries and classification nodes share: a key, a name and help in three languages, and
// numbers. The form values are named by the API's paths ('name.sv'), so the server's per-field errors
// land on the right input without translation.

export interface TextValues {
  key: string;
  'name.sv': string;
  'name.nb': string;
  'name.en': string;
  'help.sv': string;
  'help.nb': string;
  'help.en': string;
  sortOrder: string;
}

interface FieldProps {
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  error: string | undefined;
}

export type FieldOf<K extends string> = (key: K) => FieldProps;

const languages = ['sv', 'nb', 'en'] as const;

export function textValues(source: {
  key: string;
  name: LocalizedText;
  help: LocalizedText | null;
  sortOrder: number;
}): TextValues {
  return {
    key: source.key,
    'name.sv': source.name.sv,
    'name.nb': source.name.nb,
    'name.en': source.name.en,
    'help.sv': source.help?.sv ?? '',
    'help.nb': source.help?.nb ?? '',
    'help.en': source.help?.en ?? '',
    sortOrder: String(source.sortOrder),
  };
}

export const emptyTextValues: TextValues = textValues({
  key: '',
  name: { sv: '', nb: '', en: '' },
  help: null,
  sortOrder: 0,
});

/** "7" is 7; anything not a whole number is left for the contract to refuse. */
export function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function textBody(v: TextValues): {
  key: string;
  name: LocalizedText;
  help: LocalizedText | null;
  sortOrder: number;
} {
  const help = { sv: v['help.sv'], nb: v['help.nb'], en: v['help.en'] };
  return {
    key: v.key.trim(),
    name: { sv: v['name.sv'], nb: v['name.nb'], en: v['name.en'] },
    help: help.sv.trim() || help.nb.trim() || help.en.trim() ? help : null,
    sortOrder: toNumber(v.sortOrder),
  };
}

export function textLabels(t: TFunction): Record<keyof TextValues, string> {
  return {
    key: t('deviationConfig.key'),
    'name.sv': t('deviationConfig.nameIn', { language: t('deviationConfig.language.sv') }),
    'name.nb': t('deviationConfig.nameIn', { language: t('deviationConfig.language.nb') }),
    'name.en': t('deviationConfig.nameIn', { language: t('deviationConfig.language.en') }),
    'help.sv': t('deviationConfig.helpIn', { language: t('deviationConfig.language.sv') }),
    'help.nb': t('deviationConfig.helpIn', { language: t('deviationConfig.language.nb') }),
    'help.en': t('deviationConfig.helpIn', { language: t('deviationConfig.language.en') }),
    sortOrder: t('deviationConfig.sortOrder'),
  };
}

/** Key, names and help texts: the names are required in every language, help is optional. */
export function TextFields({
  formId,
  field,
  labels,
}: {
  formId: string;
  field: FieldOf<keyof TextValues>;
  labels: Record<keyof TextValues, string>;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        formId={formId}
        {...field('key')}
        label={labels.key}
        description={t('deviationConfig.keyHelp')}
        required
      />
      <Fieldset>
        <Fieldset.Legend>{t('deviationConfig.names')}</Fieldset.Legend>
        {languages.map((language) => (
          <TextInput
            key={language}
            formId={formId}
            {...field(`name.${language}`)}
            label={labels[`name.${language}`]}
            required
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('deviationConfig.helpTexts')}</Fieldset.Legend>
        {languages.map((language) => (
          <TextArea
            key={language}
            formId={formId}
            {...field(`help.${language}`)}
            label={labels[`help.${language}`]}
            rows={2}
          />
        ))}
      </Fieldset>
    </>
  );
}

/** A whole number with its limits, its error beside it. */
export function NumberInput({
  formId,
  field,
  label,
  description,
  min,
  max,
}: {
  formId: string;
  field: FieldProps;
  label: string;
  description?: string;
  min: number;
  max: number;
}): ReactElement {
  return (
    <Textfield
      id={fieldId(formId, field.name)}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      label={label}
      description={description}
      {...field}
    />
  );
}
