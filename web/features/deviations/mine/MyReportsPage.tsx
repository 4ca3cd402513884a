import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/ListTable.tsx';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { useDeviationList } from '../api.ts';
import { useLocalized } from '../localized.ts';
import { StatusTag } from './StatusTag.tsx';

const PAGE_SIZE = 25;

/** What the signed-in person has reported, newest first, with each report's status. */
export function MyReportsPage(): ReactElement {
  const { t } = useTranslation();
  const name = useLocalized();
  const format = useFormatters();
  const navigate = useNavigate();
  const { page = 1 } = useSearch({ from: '/app/my-reports' });
  const list = useDeviationList({
    view: 'mine',
    page,
    pageSize: PAGE_SIZE,
    sort: 'reportedAt',
    order: 'desc',
  });
  const reportButton = (
    <Button asChild>
      <Link to="/report">{t('myReports.report')}</Link>
    </Button>
  );

  return (
    <Page
      title={t('myReports.title')}
      lead={<Paragraph>{t('myReports.lead')}</Paragraph>}
      actions={reportButton}
    >
      <QueryState
        query={list}
        isEmpty={(data) => data.total === 0}
        empty={
          <>
            {t('myReports.empty')}{' '}
            <DsLink asChild>
              <Link to="/report">{t('myReports.report')}</Link>
            </DsLink>
          </>
        }
      >
        {(data) => (
          <ListTable
            data-testid="my-reports"
            caption={t('myReports.caption')}
            columns={[
              t('myReports.number'),
              t('myReports.type'),
              t('myReports.reportedAt'),
              t('myReports.status'),
            ]}
            paged={data}
            onPage={(next) => void navigate({ to: '/my-reports', search: next > 1 ? { page: next } : {} })}
          >
            {data.items.map((item) => (
              <Table.Row key={item.id}>
                <Table.Cell className="nowrap">
                  <DsLink asChild>
                    <Link to="/my-reports/$id" params={{ id: item.id }}>
                      {item.number}
                    </Link>
                  </DsLink>
                </Table.Cell>
                <Table.Cell>
                  {name(item.categoryName)}
                  <div className="muted small">{name(item.entryName)}</div>
                </Table.Cell>
                <Table.Cell className="nowrap">{format.date(item.reportedAt)}</Table.Cell>
                <Table.Cell>
                  <StatusTag status={item.status} />
                </Table.Cell>
              </Table.Row>
            ))}
          </ListTable>
        )}
      </QueryState>
    </Page>
  );
}
