import { Paragraph, Search } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page.tsx';
import { Paging } from '../../../components/Paging.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useMe } from '../../../session.ts';
import { type DeviationListParams, useDeviationList } from '../api.ts';
import { CaseTable } from './CaseTable.tsx';
import { Filters } from './Filters.tsx';
import type { DeviationsSearch } from './search.ts';
import { tabsFor, type ViewTab } from './views.ts';

const pageSize = 25;

/** The cases a person handles: their inbox, their units, each body they sit in, the unit meeting. */
export function DeviationsPage(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate({ from: '/deviations' });
  const search = useSearch({ from: '/app/deviations' });
  const tabs = tabsFor(me);
  // A body view without a body (or one the person left) falls back to the first tab.
  const current: ViewTab = tabs.find(
    (tab) => tab.view === (search.view ?? 'inbox') && (tab.view !== 'body' || tab.bodyId === search.bodyId),
  ) ??
    tabs[0] ?? { key: 'inbox', view: 'inbox' };
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);

  const { view: _view, bodyId: _bodyId, page = 1, ...filters } = search;
  const query: DeviationListParams = {
    ...filters,
    view: current.view,
    ...(current.bodyId ? { bodyId: current.bodyId } : {}),
    page,
    pageSize,
  };
  const list = useDeviationList(query);
  const tabName = (tab: ViewTab): string => tab.name ?? t(`cases.view.${tab.view}`);
  const filtered = Object.keys(filters).some((k) => k !== 'sort' && k !== 'order');

  function setSearch(change: Partial<DeviationsSearch>): void {
    void navigate({
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change, page: undefined };
        return Object.fromEntries(
          Object.entries(next).filter(([, v]) => v !== undefined),
        ) as DeviationsSearch;
      },
    });
  }

  return (
    <Page title={t('cases.title')} lead={<Paragraph>{t('cases.lead')}</Paragraph>}>
      <nav aria-label={t('cases.viewsLabel')}>
        <ul className="view-nav__list">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                to="/deviations"
                search={{ view: tab.view, ...(tab.bodyId ? { bodyId: tab.bodyId } : {}) }}
                className="view-nav__link"
                aria-current={tab.key === current.key ? 'page' : undefined}
              >
                {tabName(tab)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some browsers in use */}
      <form
        role="search"
        className="search-row"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ q: text.trim() || undefined });
        }}
      >
        <Search>
          <Search.Input
            aria-label={t('cases.searchLabel')}
            placeholder={t('cases.searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Search.Clear
            aria-label={t('common.clear')}
            onClick={() => {
              setText('');
              setSearch({ q: undefined });
            }}
          />
          <Search.Button aria-label={t('common.search')}>{t('common.search')}</Search.Button>
        </Search>
      </form>

      <details className="mt-2">
        <summary>{t('cases.filter.show')}</summary>
        <Filters search={search} onApply={setSearch} />
      </details>

      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          search.q || filtered
            ? t('cases.empty.filtered')
            : t(`cases.empty.${current.view}`, { name: tabName(current) })
        }
      >
        {(data) => (
          <>
            <CaseTable caption={tabName(current)} items={data.items} busy={list.isFetching} />
            <Paging
              paged={data}
              onPage={(next) => void navigate({ search: (prev) => ({ ...prev, page: next }) })}
            />
          </>
        )}
      </QueryState>
    </Page>
  );
}
