import { Link as DsLink, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeSupportItem, KnowledgeSupports } from '../../../../contracts/document-reading.ts';
import { api } from '../../../api.ts';
import { ListTable } from '../../../components/ListTable.tsx';
import { Page } from '../../../components/Page.tsx';
import { EmptyState, QueryState } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import '../documents.css';

const groups = ['published', 'nearPublication', 'next', 'regionalAdditions', 'underRevision'] as const;

function Group({ group, items }: { group: (typeof groups)[number]; items: KnowledgeSupportItem[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = `ks-${group}`;
  return (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {t(`knowledgeSupports.group.${group}`)} ({items.length})
      </Heading>
      {items.length === 0 ? (
        <EmptyState>{t('knowledgeSupports.emptyGroup')}</EmptyState>
      ) : (
        <ListTable
          data-testid={id}
          caption={t(`knowledgeSupports.group.${group}`)}
          columns={[
            t('knowledgeSupports.column.title'),
            t('knowledgeSupports.column.status'),
            t('knowledgeSupports.column.planned'),
            t('knowledgeSupports.column.owner'),
          ]}
        >
          {items.map((item) => (
            <Table.Row key={item.id}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to="/documents/$id" params={{ id: item.id }}>
                    {item.title}
                  </Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>{t(`knowledgeSupports.status.${item.status}`)}</Table.Cell>
              <Table.Cell className="nowrap">
                {item.plannedPublication ? format.date(item.plannedPublication) : '–'}
              </Table.Cell>
              <Table.Cell>{item.owner.name}</Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
    </section>
  );
}

/** Seed 003's question: what is published, what is near publication, what is next. */
export function KnowledgeSupportsPage(): ReactElement {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['knowledge-supports'],
    queryFn: ({ signal }) => api.get<KnowledgeSupports>('/api/knowledge-supports', undefined, signal),
  });
  return (
    <Page title={t('knowledgeSupports.title')} lead={<Paragraph>{t('knowledgeSupports.lead')}</Paragraph>}>
      <QueryState query={query}>
        {(data) => (
          <>
            {groups.map((group) => (
              <Group key={group} group={group} items={data[group]} />
            ))}
          </>
        )}
      </QueryState>
    </Page>
  );
}
