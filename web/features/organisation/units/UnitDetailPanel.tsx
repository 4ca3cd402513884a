import { Button, Link as DsLink, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitDetail } from '../../../../contracts/organisation.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { EmptyState, QueryState } from '../../../components/QueryState.tsx';
import { organisationsQuery, useUnit } from '../api.ts';
import { AssignmentsSection } from './AssignmentsSection.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { CreateUnitForm, EditUnitForm, MoveUnitForm } from './UnitForms.tsx';

type Editing = 'edit' | 'child' | 'move' | null;

interface UnitDetailPanelProps {
  unitId: string;
  units: readonly Unit[];
  onSelect: (unitId: string) => void;
}

export function UnitDetailPanel({ unitId, units, onSelect }: UnitDetailPanelProps): ReactElement {
  const query = useUnit(unitId);
  return (
    <QueryState query={query}>
      {(unit) => <UnitDetailView unit={unit} units={units} onSelect={onSelect} />}
    </QueryState>
  );
}

function UnitDetailView({
  unit,
  units,
  onSelect,
}: {
  unit: UnitDetail;
  units: readonly Unit[];
  onSelect: (unitId: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const organisations = useQuery(organisationsQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const canEdit = unit.allowedActions.includes('edit');
  const canMove = unit.allowedActions.includes('move') && unit.parentId !== null;
  const canCreateChild = unit.allowedActions.includes('createChild');
  const selfAsUnit = units.find((u) => u.id === unit.id) ?? unit;
  const close = (): void => setEditing(null);

  return (
    <article className="unit-detail" aria-labelledby="unit-detail-heading">
      <div className="section__header">
        <Heading level={2} data-size="md" id="unit-detail-heading">
          {unit.name}
        </Heading>
        {unit.active ? null : <Tag data-color="warning">{t('unit.inactive')}</Tag>}
      </div>
      <dl className="facts mt-2">
        <dt>{t('unit.organisation')}</dt>
        <dd>{unit.organisationName}</dd>
        <dt>{t('unit.externalId')}</dt>
        <dd>{unit.externalId ?? <span className="muted">{t('common.notGiven')}</span>}</dd>
        <dt>{t('unit.status')}</dt>
        <dd>{unit.active ? t('unit.activeYes') : t('unit.inactive')}</dd>
      </dl>
      {canEdit || canMove || canCreateChild ? (
        <div className="button-row mt-4">
          {canCreateChild ? (
            <Button data-size="sm" onClick={() => setEditing('child')}>
              {t('unit.createChild')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button variant="secondary" data-size="sm" onClick={() => setEditing('edit')}>
              {t('unit.edit')}
            </Button>
          ) : null}
          {canMove ? (
            <Button variant="secondary" data-size="sm" onClick={() => setEditing('move')}>
              {t('unit.move')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <section className="section" aria-labelledby="unit-managers">
        <Heading level={3} data-size="xs" id="unit-managers">
          {t('unit.nearestManager')}
        </Heading>
        {unit.nearestManagers.length === 0 ? (
          <EmptyState>{t('unit.noManager')}</EmptyState>
        ) : (
          <ul className="plain-list mt-2">
            {unit.nearestManagers.map((m) => (
              <li key={`${m.personId}-${m.unitId}`}>
                {m.name}
                {m.unitId === unit.id ? null : (
                  <span className="muted">
                    {' '}
                    ({t('unit.managerInherited', { unit: units.find((u) => u.id === m.unitId)?.name ?? '' })})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="unit-children">
        <Heading level={3} data-size="xs" id="unit-children">
          {t('unit.children')}
        </Heading>
        {unit.children.length === 0 ? (
          <EmptyState>{t('unit.noChildren')}</EmptyState>
        ) : (
          <ul className="plain-list mt-2">
            {unit.children.map((child) => (
              <li key={child.id}>
                <DsLink asChild>
                  <Link
                    to="/admin/units"
                    search={{ unit: child.id }}
                    onClick={(event) => {
                      event.preventDefault();
                      onSelect(child.id);
                    }}
                  >
                    {child.name}
                  </Link>
                </DsLink>
                {child.active ? null : <span className="muted"> ({t('unit.inactive')})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="unit-people">
        <Heading level={3} data-size="xs" id="unit-people">
          {t('unit.people')}
        </Heading>
        {unit.people.length === 0 ? (
          <EmptyState>{t('unit.noPeople')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <Table data-size="sm" className="mt-2">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('person.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('role.label')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {unit.people.map((p) => (
                  <Table.Row key={p.roleId}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to="/admin/people" search={{ q: p.name }}>
                          {p.name}
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{t(`role.${p.role}`)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
        <Paragraph data-size="sm" className="muted mt-2">
          {t('unit.peopleHelp')}
        </Paragraph>
      </section>

      <ContactsSection unit={unit} canEdit={canEdit} />
      <AssignmentsSection unit={unit} canEdit={canEdit} />

      <FormDialog open={editing === 'child'} onClose={close} title={t('unit.createChildTitle')}>
        <CreateUnitForm
          parent={selfAsUnit}
          organisations={organisations.data?.items ?? []}
          onDone={(created) => {
            close();
            onSelect(created.id);
          }}
          onCancel={close}
        />
      </FormDialog>
      <FormDialog open={editing === 'edit'} onClose={close} title={t('unit.editTitle')}>
        <EditUnitForm unit={unit} onDone={close} onCancel={close} />
      </FormDialog>
      <FormDialog open={editing === 'move'} onClose={close} title={t('unit.moveTitle')}>
        <MoveUnitForm unit={unit} units={units} onDone={close} onCancel={close} />
      </FormDialog>
    </article>
  );
}
