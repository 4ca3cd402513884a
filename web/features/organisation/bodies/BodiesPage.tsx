import { Button, Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../../contracts/organisation.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { bodiesQuery } from '../api.ts';
import { BodyForm } from './BodyForm.tsx';
import { BodyMembers } from './BodyMembers.tsx';

function BodyDetail({ body }: { body: Body }): ReactElement {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <Card.Block>
        <div className="section__header">
          <Heading level={2} data-size="sm" id="body-detail-heading">
            {body.name}
          </Heading>
          {body.allowedActions.includes('edit') ? (
            <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
              {t('body.edit')}
            </Button>
          ) : null}
        </div>
        <dl className="facts mt-2">
          <dt>{t('body.kind')}</dt>
          <dd>{t(`bodyKind.${body.kind}`)}</dd>
          <dt>{t('body.organisation')}</dt>
          <dd>{body.organisationName}</dd>
          <dt>{t('body.chair')}</dt>
          <dd>{body.chair?.name ?? <span className="muted">{t('body.noChair')}</span>}</dd>
          <dt>{t('body.status')}</dt>
          <dd>{body.active ? t('body.activeYes') : t('body.inactive')}</dd>
        </dl>
        {body.description ? <Paragraph className="mt-2">{body.description}</Paragraph> : null}
        <BodyMembers body={body} />
      </Card.Block>
      <FormDialog open={editing} onClose={() => setEditing(false)} title={t('body.editTitle')}>
        <BodyForm body={body} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </FormDialog>
    </Card>
  );
}

export function BodiesPage(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/admin/bodies' });
  const { body: selectedId } = useSearch({ from: '/app/admin/bodies' });
  const bodies = useQuery(bodiesQuery);
  const [creating, setCreating] = useState(false);

  return (
    <Page
      title={t('bodies.title')}
      lead={<Paragraph>{t('bodies.lead')}</Paragraph>}
      actions={<Button onClick={() => setCreating(true)}>{t('body.create')}</Button>}
    >
      <QueryState query={bodies} isEmpty={(data) => data.items.length === 0} empty={t('bodies.empty')}>
        {(data) => {
          const selected = data.items.find((b) => b.id === selectedId);
          return (
            <div className="stack-lg">
              <div className="table-scroll">
                <Table zebra>
                  <caption className="ds-sr-only">{t('bodies.title')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('body.name')}</Table.HeaderCell>
                      <Table.HeaderCell className="hide-narrow">{t('body.kind')}</Table.HeaderCell>
                      <Table.HeaderCell className="hide-narrow">{t('body.organisation')}</Table.HeaderCell>
                      <Table.HeaderCell className="hide-narrow">{t('body.chair')}</Table.HeaderCell>
                      <Table.HeaderCell className="hide-narrow">{t('body.memberCount')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.items.map((body) => (
                      <Table.Row key={body.id} aria-current={body.id === selectedId ? 'true' : undefined}>
                        <Table.Cell>
                          {body.name}{' '}
                          {body.active ? null : (
                            <Tag data-size="sm" data-color="warning">
                              {t('body.inactive')}
                            </Tag>
                          )}
                        </Table.Cell>
                        <Table.Cell className="hide-narrow">{t(`bodyKind.${body.kind}`)}</Table.Cell>
                        <Table.Cell className="hide-narrow">{body.organisationName}</Table.Cell>
                        <Table.Cell className="hide-narrow">{body.chair?.name ?? '–'}</Table.Cell>
                        <Table.Cell className="hide-narrow">{body.members.length}</Table.Cell>
                        <Table.Cell>
                          <Button
                            variant={body.id === selectedId ? 'primary' : 'secondary'}
                            data-size="sm"
                            aria-pressed={body.id === selectedId}
                            aria-label={t('bodies.openNamed', { name: body.name })}
                            onClick={() => void navigate({ search: { body: body.id } })}
                          >
                            {t('bodies.open')}
                          </Button>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              {selected ? <BodyDetail body={selected} /> : null}
            </div>
          );
        }}
      </QueryState>
      <FormDialog open={creating} onClose={() => setCreating(false)} title={t('body.createTitle')}>
        <BodyForm
          body={null}
          onDone={(created) => {
            setCreating(false);
            void navigate({ search: { body: created.id } });
          }}
          onCancel={() => setCreating(false)}
        />
      </FormDialog>
    </Page>
  );
}
