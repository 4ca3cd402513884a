import { Link as DsLink, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingItem } from '../../../../contracts/document-reading.ts';
import { Page } from '../../../components/Page.tsx';
import { Paging } from '../../../components/Paging.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { useMe } from '../../../session.ts';
import { canOverseeReading, type ReadingStatus, useReadingList } from './api.ts';
import '../documents.css';
import './reading.css';

const PAGE_SIZE = 25;

/** "Overdue" in words beside the date: never colour alone. */
export function ReadBy({ item }: { item: ReadingItem }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!item.readBy) return <span className="muted">{t('reading.noReadBy')}</span>;
  return (
    <span className="nowrap">
      {format.date(item.readBy)} {item.overdue ? <Tag data-color="danger">{t('reading.overdue')}</Tag> : null}
    </span>
  );
}

function ReadingTable({ status, caption }: { status: Exclude<ReadingStatus, 'all'>; caption: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const list = useReadingList(status, page, PAGE_SIZE);
  return (
    <QueryState
      query={list}
      isEmpty={(data) => data.total === 0}
      empty={status === 'unread' ? t('reading.emptyUnread') : t('reading.emptyRead')}
    >
      {(data) => (
        <>
          <div className="table-scroll">
            <Table data-testid={`reading-${status}`}>
              <caption className="ds-sr-only">{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('reading.column.title')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('reading.column.type')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('reading.column.version')}</Table.HeaderCell>
                  <Table.HeaderCell>
                    {status === 'unread' ? t('reading.column.readBy') : t('reading.column.readOn')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.items.map((item) => (
                  <Table.Row key={item.documentId}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to="/documents/$id" params={{ id: item.documentId }}>
                          {item.title}
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{item.type.label}</Table.Cell>
                    <Table.Cell>{item.versionNumber}</Table.Cell>
                    <Table.Cell>
                      {status === 'unread' ? (
                        <ReadBy item={item} />
                      ) : item.acknowledgedAt ? (
                        <span className="nowrap">{format.date(item.acknowledgedAt)}</span>
                      ) : (
                        '–'
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Paging paged={data} onPage={setPage} />
        </>
      )}
    </QueryState>
  );
}

/** My reading list: what I am asked to read (earliest read-by first), then what I read lately. */
export function ReadingPage(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('reading.title')} lead={<Paragraph>{t('reading.lead')}</Paragraph>}>
      {canOverseeReading(me) ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/reading/overview">{t('reading.overviewLink')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      <section className="section" aria-labelledby="reading-unread">
        <Heading level={2} data-size="sm" id="reading-unread">
          {t('reading.unreadHeading')}
        </Heading>
        <ReadingTable status="unread" caption={t('reading.unreadHeading')} />
      </section>
      <section className="section" aria-labelledby="reading-read">
        <Heading level={2} data-size="sm" id="reading-read">
          {t('reading.readHeading')}
        </Heading>
        <Paragraph className="muted">{t('reading.readLead')}</Paragraph>
        <ReadingTable status="read" caption={t('reading.readHeading')} />
      </section>
    </Page>
  );
}
