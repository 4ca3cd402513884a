import {
  Checkbox,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSearch, DocumentSearchItem } from '../../../../contracts/document-search.ts';
import { api } from '../../../api.ts';
import { type FieldErrors, fieldId } from '../../../components/form.tsx';
import { useCase } from './caseContext.ts';

// "Closed with routine changed": the handler picks the documents changed because of the case (found
// as they type, with the document search), and the case shows them afterwards. Type-only imports
// from the contracts, as in api.ts.

/** As many as the server takes (MAX_CHANGED_DOCUMENTS). */
const MAX_CHOSEN = 20;

export interface ChosenDocument {
  id: string;
  title: string;
}

function useDocumentSearch(q: string) {
  const words = q.trim();
  return useQuery({
    queryKey: ['documents', 'search', 'changed', words] as const,
    queryFn: ({ signal }) =>
      api.get<DocumentSearch>('/api/documents/search', { q: words, pageSize: 10 }, signal),
    enabled: words.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The type, and the current version when there is one: "Rutin · version 2". */
function describe(item: DocumentSearchItem, versionLabel: (n: number) => string): string {
  return [item.typeLabel, item.versionNumber === null ? null : versionLabel(item.versionNumber)]
    .filter(Boolean)
    .join(' · ');
}

/** In the close dialog: did a routine change because of this case, and which documents. */
export function ChangedDocumentsPicker({
  formId,
  chosen,
  onChange,
  errors,
}: {
  formId: string;
  chosen: ChosenDocument[];
  onChange: (chosen: ChosenDocument[]) => void;
  errors: FieldErrors;
}): ReactElement {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(chosen.length > 0);
  const [q, setQ] = useState('');
  const search = useDocumentSearch(q);
  const found = (search.data?.items ?? []).filter((item) => !chosen.some((c) => c.id === item.id));
  const full = chosen.length >= MAX_CHOSEN;
  const chosenErrors = chosen
    .map((doc, index) => ({ doc, message: errors[`changedDocumentIds.${index}`] }))
    .filter((e) => e.message);
  return (
    <Fieldset>
      <Fieldset.Legend>{t('docLinks.legend')}</Fieldset.Legend>
      <Checkbox
        id={`${formId}-routine-changed`}
        label={t('docLinks.routineChanged')}
        description={t('docLinks.routineChangedHelp')}
        checked={changed}
        onChange={(event) => {
          setChanged(event.target.checked);
          if (!event.target.checked) onChange([]);
        }}
      />
      {changed ? (
        <div className="stack">
          {chosen.map((doc, index) => (
            <Checkbox
              key={doc.id}
              id={fieldId(formId, `changedDocumentIds.${index}`)}
              label={doc.title}
              checked
              aria-invalid={errors[`changedDocumentIds.${index}`] ? true : undefined}
              onChange={() => onChange(chosen.filter((c) => c.id !== doc.id))}
            />
          ))}
          {chosenErrors.map(({ doc, message }) => (
            <ValidationMessage key={doc.id}>{`${doc.title}: ${message}`}</ValidationMessage>
          ))}
          <Textfield
            id={`${formId}-document-search`}
            label={t('docLinks.search')}
            description={t('docLinks.searchHelp')}
            value={q}
            onChange={(event) => setQ(event.target.value)}
            autoComplete="off"
            disabled={full}
          />
          <div aria-live="polite" aria-busy={search.isFetching}>
            {full ? <Paragraph data-size="sm">{t('docLinks.full', { max: MAX_CHOSEN })}</Paragraph> : null}
            {!full && q.trim().length >= 2 && search.isSuccess && found.length === 0 ? (
              <Paragraph data-size="sm">{t('docLinks.none')}</Paragraph>
            ) : null}
            {search.isError ? <Paragraph data-size="sm">{t('docLinks.searchFailed')}</Paragraph> : null}
            {full
              ? null
              : found.map((item) => (
                  <Checkbox
                    key={item.id}
                    id={`${formId}-document-${item.id}`}
                    label={item.title}
                    description={describe(item, (number) => t('docLinks.version', { number }))}
                    checked={false}
                    onChange={() => onChange([...chosen, { id: item.id, title: item.title }])}
                  />
                ))}
          </div>
        </div>
      ) : null}
    </Fieldset>
  );
}

/** On the case page: the documents changed because of this case, each a link to the document. */
export function ChangedDocumentsSection(): ReactElement | null {
  const { t } = useTranslation();
  const { deviation } = useCase();
  if (deviation.changedDocuments.length === 0) return null;
  return (
    <section className="case-panel" aria-labelledby="case-changed-documents">
      <Heading level={2} data-size="xs" id="case-changed-documents">
        {t('docLinks.heading')}
      </Heading>
      <ul>
        {deviation.changedDocuments.map((doc) => (
          <li key={doc.id}>
            {/* The documents pages are their own feature: a plain link to their address. */}
            <Link href={`/documents/${doc.id}`}>{doc.title}</Link>
            {doc.versionNumber === null ? null : (
              <span>{` (${t('docLinks.version', { number: doc.versionNumber })})`}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
