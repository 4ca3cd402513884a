import { Button, Textfield } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSearchParams } from './searchParams.ts';

/**
 * The words to search for: submitting opens /documents/search?q=… with the filters kept, so the
 * search can be shared and Back returns to the previous one.
 */
export function DocumentSearchForm({
  initial = '',
  filters = {},
}: {
  initial?: string;
  filters?: Omit<DocumentSearchParams, 'q' | 'page'>;
}): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setQ(initial), [initial]);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const words = q.trim();
    if (!words) {
      setError(t('docSearch.required'));
      return;
    }
    setError(undefined);
    void navigate({ to: '/documents/search', search: { ...filters, q: words } });
  }

  return (
    <search aria-label={t('docSearch.formLabel')}>
      <form className="doc-search__form" onSubmit={submit}>
        <Textfield
          id="document-search-q"
          name="q"
          type="search"
          label={t('docSearch.label')}
          description={t('docSearch.help')}
          value={q}
          maxLength={200}
          error={error}
          onChange={(event) => setQ(event.target.value)}
        />
        <Button type="submit" data-testid="document-search-submit">
          {t('docSearch.submit')}
        </Button>
      </form>
    </search>
  );
}
