import { Link as DsLink, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../../components/form.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { Page } from '../../../components/Page.tsx';
import { EmptyState, QueryState } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { useMe } from '../../../session.ts';
import { useDocument } from '../api.ts';
import { useProfessionLabel } from '../parts.tsx';
import { canOverseeReading, overseenUnits, useAcknowledgements, useReadingOverview } from './api.ts';
import type { ReadingOverviewSearch } from './search.ts';
import '../documents.css';
import './reading.css';

const PAGE_SIZE = 50;

/** "3 of 8 (38 %)" with a progress bar that has the same words as its name. */
function Progress({ read, audience }: { read: number; audience: number }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = audience === 0 ? 0 : Math.round((read / audience) * 100);
  const label = t('reading.overview.progress', {
    read: format.number(read),
    audience: format.number(audience),
    percent,
  });
  return (
    <span className="reading-progress">
      <progress max={Math.max(audience, 1)} value={read} aria-label={label} />
      <span>{label}</span>
    </span>
  );
}

function DocumentReaders({
  documentId,
  search,
  setSearch,
}: {
  documentId: string;
  search: ReadingOverviewSearch;
  setSearch: (change: Partial<ReadingOverviewSearch>) => void;
}): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const profession = useProfessionLabel();
  const document = useDocument(documentId);
  const status = search.status ?? 'all';
  const readers = useAcknowledgements(documentId, {
    unitId: search.unitId,
    status,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  });
  return (
    <section className="section" aria-labelledby="reading-readers">
      <Heading level={2} data-size="sm" id="reading-readers">
        {t('reading.overview.readersHeading', { title: document.data?.title ?? '…' })}
      </Heading>
      <Paragraph className="mt-1">
        <DsLink asChild>
          <Link to="/documents/$id" params={{ id: documentId }}>
            {t('reading.overview.openDocument')}
          </Link>
        </DsLink>
        {' · '}
        <DsLink asChild>
          <Link to="/reading/overview" search={{ unitId: search.unitId }}>
            {t('reading.overview.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <search className="filters" aria-label={t('reading.overview.filters')}>
        <SelectInput
          formId="reading-readers"
          name="status"
          label={t('reading.overview.filterStatus')}
          value={status}
          onChange={(event) =>
            setSearch({
              status: event.target.value === 'all' ? undefined : (event.target.value as 'read' | 'unread'),
              page: undefined,
            })
          }
          options={(['all', 'read', 'unread'] as const).map((s) => ({
            value: s,
            label: t(`reading.overview.status.${s}`),
          }))}
        />
      </search>
      <QueryState query={readers}>
        {(data) =>
          data.versionNumber === null ? (
            <EmptyState>{t('reading.overview.notAsking')}</EmptyState>
          ) : (
            <>
              <Paragraph data-testid="reading-summary">
                {t('reading.overview.version', { number: data.versionNumber })}
                {data.readBy ? ` · ${t('reading.readByLabel')} ${format.date(data.readBy)}` : ''}
                {' · '}
                <Progress read={data.read} audience={data.audience} />
              </Paragraph>
              {data.total === 0 ? (
                <EmptyState>{t('reading.overview.emptyPeople')}</EmptyState>
              ) : (
                <ListTable
                  data-testid="reading-people"
                  caption={t('reading.overview.peopleCaption')}
                  columns={[
                    t('reading.overview.column.name'),
                    t('reading.overview.column.unit'),
                    t('reading.overview.column.profession'),
                    t('reading.overview.column.read'),
                  ]}
                  paged={data}
                  onPage={(next) => setSearch({ page: next > 1 ? next : undefined })}
                >
                  {data.items.map((row) => (
                    <Table.Row key={`${row.person.id}-${row.unit.id}`}>
                      <Table.Cell>{row.person.name}</Table.Cell>
                      <Table.Cell>{row.unit.name}</Table.Cell>
                      <Table.Cell>{row.profession ? profession(row.profession) : '–'}</Table.Cell>
                      <Table.Cell>
                        {row.acknowledgedAt ? (
                          <span className="nowrap">
                            {t('reading.overview.readOn', { date: format.date(row.acknowledgedAt) })}
                          </span>
                        ) : (
                          <Tag data-color="warning">{t('reading.overview.notRead')}</Tag>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </ListTable>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/**
 * Who in my units has read what: the documents asking for reading there with their progress, and
 * for one of them the people who have read it and those who have not.
 */
export function ReadingOverviewPage(): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/reading/overview' });
  const allowed = canOverseeReading(me);
  const units = overseenUnits(me);
  const overview = useReadingOverview(
    { unitId: search.unitId, page: search.page ?? 1, pageSize: PAGE_SIZE },
    allowed && !search.documentId,
  );

  function setSearch(change: Partial<ReadingOverviewSearch>): void {
    void navigate({
      to: '/reading/overview',
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change };
        return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== ''));
      },
    });
  }

  if (!allowed) {
    return (
      <Page title={t('reading.overview.title')}>
        <EmptyState>{t('reading.overview.notAllowed')}</EmptyState>
      </Page>
    );
  }

  return (
    <Page title={t('reading.overview.title')} lead={<Paragraph>{t('reading.overview.lead')}</Paragraph>}>
      <search className="filters" aria-label={t('reading.overview.unitFilter')}>
        <SelectInput
          formId="reading-overview"
          name="unitId"
          label={t('reading.overview.unit')}
          value={search.unitId ?? ''}
          onChange={(event) =>
            setSearch({ unitId: event.target.value || undefined, page: undefined, status: undefined })
          }
          placeholder={t('reading.overview.allUnits')}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </search>
      {search.documentId ? (
        <DocumentReaders documentId={search.documentId} search={search} setSearch={setSearch} />
      ) : (
        <section className="section" aria-labelledby="reading-documents">
          <Heading level={2} data-size="sm" id="reading-documents">
            {t('reading.overview.documentsHeading')}
          </Heading>
          <QueryState
            query={overview}
            isEmpty={(data) => data.items.length === 0}
            empty={t('reading.overview.emptyDocuments')}
          >
            {(data) => (
              <ListTable
                data-testid="reading-documents"
                caption={t('reading.overview.documentsHeading')}
                columns={[
                  t('reading.column.title'),
                  t('reading.column.version'),
                  t('reading.column.readBy'),
                  t('reading.overview.column.progress'),
                ]}
                paged={data}
                onPage={(next) => setSearch({ page: next > 1 ? next : undefined })}
              >
                {data.items.map((item) => (
                  <Table.Row key={item.documentId}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link
                          to="/reading/overview"
                          search={{ unitId: search.unitId, documentId: item.documentId }}
                        >
                          {item.title}
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{item.versionNumber}</Table.Cell>
                    <Table.Cell className="nowrap">{item.readBy ? format.date(item.readBy) : '–'}</Table.Cell>
                    <Table.Cell>
                      <Progress read={item.read} audience={item.audience} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </ListTable>
            )}
          </QueryState>
        </section>
      )}
    </Page>
  );
}
