import { Button, Paragraph, Search, Table, Tag } from '@digdir/designsystemet-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contracts/organisation.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { Page } from '../../../components/Page.tsx';
import { Paging } from '../../../components/Paging.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePeople } from '../api.ts';
import { ManagePerson } from './ManagePerson.tsx';
import { CreatePersonForm } from './PersonForms.tsx';

const pageSize = 25;

export function PeoplePage(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/admin/people' });
  const { q, page = 1 } = useSearch({ from: '/app/admin/people' });
  const [text, setText] = useState(q ?? '');
  const [creating, setCreating] = useState(false);
  const [managedId, setManagedId] = useState<string | null>(null);
  const [created, setCreated] = useState<Person | null>(null);
  const people = usePeople({ q, page, pageSize });

  useEffect(() => setText(q ?? ''), [q]);

  const managed = people.data?.items.find((p) => p.id === managedId) ?? null;

  return (
    <Page
      title={t('people.title')}
      lead={<Paragraph>{t('people.lead')}</Paragraph>}
      actions={<Button onClick={() => setCreating(true)}>{t('people.create')}</Button>}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some browsers in use */}
      <form
        role="search"
        className="search-row"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate({ search: text.trim() ? { q: text.trim() } : {} });
        }}
      >
        <Search>
          <Search.Input
            aria-label={t('people.searchLabel')}
            placeholder={t('people.searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Search.Clear
            aria-label={t('common.clear')}
            onClick={() => {
              setText('');
              void navigate({ search: {} });
            }}
          />
          <Search.Button aria-label={t('common.search')}>{t('common.search')}</Search.Button>
        </Search>
      </form>

      {created ? (
        <Paragraph role="status" className="success-note">
          {t('people.created', { name: created.name })}
        </Paragraph>
      ) : null}

      <QueryState
        query={people}
        isEmpty={(data) => data.items.length === 0}
        empty={q ? t('people.noMatch', { q }) : t('people.empty')}
      >
        {(data) => (
          <>
            <div className="table-scroll">
              <Table className="mt-2" zebra aria-busy={people.isFetching}>
                <caption className="ds-sr-only">{t('people.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('people.person')}</Table.HeaderCell>
                    <Table.HeaderCell className="hide-narrow">{t('person.organisation')}</Table.HeaderCell>
                    <Table.HeaderCell className="hide-narrow">{t('person.roles')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((person) => (
                    <Table.Row key={person.id}>
                      <Table.Cell>
                        <span className="person-cell__name">{person.name}</span>
                        {person.active ? null : (
                          <>
                            {' '}
                            <Tag data-size="sm" data-color="warning">
                              {t('person.inactive')}
                            </Tag>
                          </>
                        )}
                        <div className="muted small break-word">
                          {person.username}
                          <span className="hide-narrow"> · {person.email}</span>
                        </div>
                      </Table.Cell>
                      <Table.Cell className="hide-narrow">{person.organisationName}</Table.Cell>
                      <Table.Cell className="hide-narrow">
                        {person.roles.length === 0 ? (
                          <span className="muted">{t('person.noRolesShort')}</span>
                        ) : (
                          <ul className="tag-list">
                            {person.roles.map((role) => (
                              <li key={role.id}>
                                <Tag data-size="sm" data-color="neutral">
                                  {t(`role.${role.role}`)} · {role.unitName}
                                </Tag>
                              </li>
                            ))}
                          </ul>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <Button
                          variant="secondary"
                          data-size="sm"
                          onClick={() => setManagedId(person.id)}
                          aria-label={t('people.manageNamed', { name: person.name })}
                        >
                          {t('people.manage')}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <Paging
              paged={data}
              onPage={(next) => void navigate({ search: (prev) => ({ ...prev, page: next }) })}
            />
          </>
        )}
      </QueryState>

      <FormDialog open={creating} onClose={() => setCreating(false)} title={t('people.createTitle')}>
        <CreatePersonForm
          onDone={(person) => {
            setCreating(false);
            setCreated(person);
          }}
          onCancel={() => setCreating(false)}
        />
      </FormDialog>
      <FormDialog
        open={managed !== null}
        onClose={() => setManagedId(null)}
        title={managed ? t('people.manageTitle', { name: managed.name }) : ''}
      >
        {managed ? <ManagePerson person={managed} onDone={() => setManagedId(null)} /> : null}
      </FormDialog>
    </Page>
  );
}
