import { Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSearch } from '../../../../contracts/document-search.ts';
import { api } from '../../../api.ts';
import { SelectInput } from '../../../components/form.tsx';
import { Page } from '../../../components/Page.tsx';
import { Paging } from '../../../components/Paging.tsx';
import { EmptyState, QueryState } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { useDocumentTypes, useUnits } from '../api.ts';
import { professionCodes, StatusTag, useProfessionLabel } from '../parts.tsx';
import { Highlighted } from './Highlighted.tsx';
import { DocumentSearchForm } from './SearchForm.tsx';
import type { DocumentSearchParams } from './searchParams.ts';
import '../documents.css';
import './search.css';

const PAGE_SIZE = 20;
const FORM_ID = 'document-search-filter';

function useDocumentSearch(params: DocumentSearchParams) {
  const { q, page = 1, ...filters } = params;
  return useQuery({
    queryKey: ['documents', 'search', 'page', { q, page, ...filters }] as const,
    queryFn: ({ signal }) =>
      api.get<DocumentSearch>(
        '/api/documents/search',
        { q: q ?? '', page, pageSize: PAGE_SIZE, ...filters },
        signal,
      ),
    enabled: Boolean(q),
    placeholderData: keepPreviousData,
  });
}

/** Full-text search of the documents, with filters, the hit highlighted in each result. */
export function DocumentSearchPage(): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const params = useSearch({ from: '/app/documents/search' });
  const { q, page, ...filters } = params;
  const result = useDocumentSearch(params);
  const types = useDocumentTypes();
  const units = useUnits();
  const professionLabel = useProfessionLabel();
  const filtered = Object.keys(filters).length > 0;

  function setParams(change: Partial<DocumentSearchParams>): void {
    void navigate({
      to: '/documents/search',
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change, page: change.page };
        return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== ''));
      },
    });
  }

  return (
    <Page title={t('docSearch.title')} lead={<Paragraph>{t('docSearch.lead')}</Paragraph>}>
      <Paragraph>
        <DsLink asChild>
          <Link to="/documents">{t('docSearch.back')}</Link>
        </DsLink>
      </Paragraph>
      <DocumentSearchForm initial={q ?? ''} filters={filters} />
      <search className="filters" aria-label={t('docSearch.filters')}>
        <SelectInput
          formId={FORM_ID}
          name="typeId"
          label={t('docSearch.filter.type')}
          value={filters.typeId ?? ''}
          onChange={(event) => setParams({ typeId: event.target.value || undefined })}
          placeholder={t('docSearch.filter.allTypes')}
          options={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.label }))}
        />
        <SelectInput
          formId={FORM_ID}
          name="unitId"
          label={t('docSearch.filter.unit')}
          value={filters.unitId ?? ''}
          onChange={(event) => setParams({ unitId: event.target.value || undefined })}
          placeholder={t('docSearch.filter.allUnits')}
          options={(units.data?.items ?? [])
            .filter((unit) => unit.active)
            .map((unit) => ({ value: unit.id, label: unit.name }))
            .sort((a, b) => a.label.localeCompare(b.label, 'sv'))}
        />
        <SelectInput
          formId={FORM_ID}
          name="profession"
          label={t('docSearch.filter.profession')}
          value={filters.profession ?? ''}
          onChange={(event) => setParams({ profession: event.target.value || undefined })}
          placeholder={t('docSearch.filter.allProfessions')}
          options={professionCodes.map((code) => ({ value: code, label: professionLabel(code) }))}
        />
        <SelectInput
          formId={FORM_ID}
          name="status"
          label={t('docSearch.filter.status')}
          value={filters.status ?? ''}
          onChange={(event) =>
            setParams({ status: (event.target.value || undefined) as DocumentSearchParams['status'] })
          }
          placeholder={t('docSearch.filter.allStatuses')}
          options={(['published', 'draft', 'archived'] as const).map((s) => ({
            value: s,
            label: t(`documents.status.${s}`),
          }))}
        />
        <SelectInput
          formId={FORM_ID}
          name="pastReviewDate"
          label={t('docSearch.filter.reviewDate')}
          value={filters.pastReviewDate ?? ''}
          onChange={(event) =>
            setParams({
              pastReviewDate: (event.target.value || undefined) as DocumentSearchParams['pastReviewDate'],
            })
          }
          placeholder={t('docSearch.filter.anyReviewDate')}
          options={[
            { value: 'true', label: t('docSearch.filter.pastReviewDate') },
            { value: 'false', label: t('docSearch.filter.notPastReviewDate') },
          ]}
        />
      </search>
      {q ? (
        <QueryState
          query={result}
          isEmpty={(data) => data.total === 0}
          empty={filtered ? t('docSearch.emptyFiltered', { q }) : t('docSearch.empty', { q })}
        >
          {(data) => (
            <section aria-labelledby="doc-search-results" data-testid="search-results">
              <Heading level={2} data-size="xs" id="doc-search-results" aria-live="polite" className="mt-4">
                {data.totalIsLowerBound
                  ? t('docSearch.countLowerBound', { count: data.total })
                  : t('docSearch.count', { count: data.total })}
              </Heading>
              <ol className="doc-search__results">
                {data.items.map((item) => (
                  <li key={item.id} className="doc-search__item" data-testid="search-result">
                    <Heading level={3} data-size="2xs">
                      <DsLink asChild>
                        <Link to="/documents/$id" params={{ id: item.id }}>
                          {item.title}
                        </Link>
                      </DsLink>
                    </Heading>
                    <p className="doc-search__meta">
                      <span>{item.typeLabel}</span>
                      <StatusTag status={item.status} />
                      <span>
                        {item.versionNumber === null
                          ? t('docSearch.notPublished')
                          : t('docSearch.version', { number: item.versionNumber })}
                      </span>
                      {item.reviewBy ? (
                        <span className={item.pastReviewDate ? 'doc-search__past' : undefined}>
                          {item.pastReviewDate
                            ? t('docSearch.pastReviewBy', { date: format.date(item.reviewBy) })
                            : t('docSearch.reviewBy', { date: format.date(item.reviewBy) })}
                        </span>
                      ) : null}
                    </p>
                    <Highlighted pieces={item.highlights} />
                  </li>
                ))}
              </ol>
              <Paging paged={data} onPage={(next) => setParams({ page: next > 1 ? next : undefined })} />
            </section>
          )}
        </QueryState>
      ) : (
        <EmptyState>{t('docSearch.noQuery')}</EmptyState>
      )}
    </Page>
  );
}
