import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../contracts/common.ts';
import { applyLanguage, currentLanguage, isLanguage, languages } from '../i18n/index.ts';
import { saveLanguage } from '../session.ts';
import { errorMessage } from './QueryState.tsx';

/** Names each language in itself, so a person finds their own whatever the page shows. */
const nativeNames: Record<Language, string> = { sv: 'Svenska', nb: 'Norsk bokmål', en: 'English' };

/**
 * Signed in, the choice is remembered for the person (PUT /api/me/language); signed out, it goes into
 * the language cookie so the sign-in page and the server's errors follow it.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function change(value: string): Promise<void> {
    if (!isLanguage(value)) return;
    setBusy(true);
    setFailure(null);
    try {
      if (signedIn) await saveLanguage(queryClient, value);
      else await applyLanguage(value);
    } catch (error) {
      setFailure(errorMessage(error, t('common.errorUnknown')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Field className="language-switch" data-size="sm">
      <Label htmlFor={id}>{t('language.label')}</Label>
      <Select
        id={id}
        value={currentLanguage()}
        onChange={(event) => void change(event.target.value)}
        aria-busy={busy}
        width="auto"
      >
        {languages.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {nativeNames[language]}
          </Select.Option>
        ))}
      </Select>
      {failure ? (
        <span role="alert" className="language-switch__error">
          {failure}
        </span>
      ) : null}
    </Field>
  );
}
