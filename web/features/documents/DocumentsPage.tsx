import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../components/form.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormatters } from '../../format.ts';
import { useMe } from '../../session.ts';
import { canCreateDocument, useDocumentList, useDocumentTypes } from './api.ts';
import { NewDocumentDialog } from './NewDocumentDialog.tsx';
import { StatusTag } from './parts.tsx';
import { canSeePastReviewList, PastReviewTag } from './reading/PastReviewTag.tsx';
import { DocumentSearchForm } from './search/SearchForm.tsx';
import type { DocumentsSearch } from './search.ts';
import './documents.css';

const PAGE_SIZE = 25;

/** The organisation's documents by title, filtered by type and status, with "New document" for authors. */
export function DocumentsPage(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/documents' });
  const { page = 1, typeId, status, pastReviewDate } = search;
  const list = useDocumentList({
    page,
    pageSize: PAGE_SIZE,
    typeId,
    status,
    pastReviewDate: pastReviewDate ? 'true' : undefined,
  });
  const types = useDocumentTypes();
  const [creating, setCreating] = useState(false);
  const mayCreate = canCreateDocument(me);

  function setSearch(change: Partial<DocumentsSearch>): void {
    void navigate({
      to: '/documents',
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change, page: change.page };
        return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== ''));
      },
    });
  }

  return (
    <Page
      title={t('documents.title')}
      lead={<Paragraph>{t('documents.lead')}</Paragraph>}
      actions={
        mayCreate ? (
          <Button onClick={() => setCreating(true)} data-testid="new-document">
            {t('documents.new.button')}
          </Button>
        ) : null
      }
    >
      <DocumentSearchForm />
      <search className="filters" aria-label={t('documents.filters')}>
        <SelectInput
          formId="documents-filter"
          name="typeId"
          label={t('documents.filterType')}
          value={typeId ?? ''}
          onChange={(event) => setSearch({ typeId: event.target.value || undefined })}
          placeholder={t('documents.allTypes')}
          options={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.label }))}
        />
        <SelectInput
          formId="documents-filter"
          name="status"
          label={t('documents.filterStatus')}
          value={status ?? ''}
          onChange={(event) =>
            setSearch({ status: (event.target.value || undefined) as DocumentsSearch['status'] })
          }
          placeholder={t('documents.allStatuses')}
          options={(['published', 'draft', 'archived'] as const).map((s) => ({
            value: s,
            label: t(`documents.status.${s}`),
          }))}
        />
        {canSeePastReviewList(me.roles) ? (
          <SelectInput
            formId="documents-filter"
            name="pastReviewDate"
            label={t('reading.pastReviewFilter')}
            value={pastReviewDate ? 'true' : ''}
            onChange={(event) =>
              setSearch({ pastReviewDate: event.target.value === 'true' ? true : undefined })
            }
            placeholder={t('reading.pastReviewAll')}
            options={[{ value: 'true', label: t('reading.pastReviewOnly') }]}
          />
        ) : null}
      </search>
      <QueryState
        query={list}
        isEmpty={(data) => data.total === 0}
        empty={typeId || status || pastReviewDate ? t('documents.emptyFiltered') : t('documents.empty')}
      >
        {(data) => (
          <ListTable
            data-testid="documents-list"
            caption={t('documents.caption')}
            columns={[
              t('documents.column.title'),
              t('documents.column.type'),
              t('documents.column.version'),
              t('documents.column.status'),
              t('documents.column.validTo'),
              t('documents.column.owner'),
            ]}
            paged={data}
            onPage={(next) => setSearch({ page: next > 1 ? next : undefined })}
          >
            {data.items.map((item) => (
              <Table.Row key={item.id}>
                <Table.Cell>
                  <DsLink asChild>
                    <Link to="/documents/$id" params={{ id: item.id }}>
                      {item.title}
                    </Link>
                  </DsLink>
                </Table.Cell>
                <Table.Cell>{item.type.label}</Table.Cell>
                <Table.Cell>{item.currentVersion ?? '–'}</Table.Cell>
                <Table.Cell>
                  <StatusTag status={item.status} />
                </Table.Cell>
                <Table.Cell className="nowrap">
                  {item.reviewBy ? format.date(item.reviewBy) : '–'}{' '}
                  <PastReviewTag past={item.pastReviewDate} />
                </Table.Cell>
                <Table.Cell>{item.owner.name}</Table.Cell>
              </Table.Row>
            ))}
          </ListTable>
        )}
      </QueryState>
      {mayCreate ? <NewDocumentDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}
