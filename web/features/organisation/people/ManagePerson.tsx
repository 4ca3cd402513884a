import { Alert, Button, Heading, Paragraph, Table, Tabs } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addRoleBody, type Person, setPasswordBody } from '../../../../contracts/organisation.ts';
import { ConfirmButton } from '../../../components/dialogs.tsx';
import { FormErrors, SelectInput, TextInput, useForm, validate } from '../../../components/form.tsx';
import { EmptyState, errorMessage } from '../../../components/QueryState.tsx';
import { organisationApi, refreshOrganisation } from '../api.ts';
import { EditPersonForm, useRoleOptions, useUnitOptions } from './PersonForms.tsx';

function RolesPanel({ person }: { person: Person }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = 'add-role';
  const form = useForm({ role: 'staff', unitId: '' });
  const roleOptions = useRoleOptions();
  const unitChoices = useUnitOptions(person.organisationId);
  const labels = { role: t('role.label'), unitId: t('unit.label') };
  const checked = validate(addRoleBody, form.values, t);
  const canAssign = person.allowedActions.includes('assignRoles');
  const onSubmit = form.submit(
    async () => {
      await organisationApi.addRole(person.id, form.values.role, form.values.unitId);
      await refreshOrganisation(queryClient);
      form.reset({ role: form.values.role, unitId: '' });
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <div className="stack">
      {person.roles.length === 0 ? (
        <EmptyState>{t('person.noRoles')}</EmptyState>
      ) : (
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('role.label')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unit.label')}</Table.HeaderCell>
              {canAssign ? <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {person.roles.map((role) => (
              <Table.Row key={role.id}>
                <Table.Cell>{t(`role.${role.role}`)}</Table.Cell>
                <Table.Cell>{role.unitName}</Table.Cell>
                {canAssign ? (
                  <Table.Cell>
                    <ConfirmButton
                      aria-label={t('person.removeRoleNamed', {
                        role: t(`role.${role.role}`),
                        unit: role.unitName,
                      })}
                      title={t('person.removeRoleTitle')}
                      text={t('person.removeRoleConfirm', {
                        role: t(`role.${role.role}`),
                        unit: role.unitName,
                        name: person.name,
                      })}
                      confirmLabel={t('common.remove')}
                      onConfirm={async () => {
                        await organisationApi.removeRole(person.id, role.id);
                        await refreshOrganisation(queryClient);
                      }}
                    >
                      {t('common.remove')}
                    </ConfirmButton>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {canAssign ? (
        <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
          <Heading level={3} data-size="2xs">
            {t('person.addRole')}
          </Heading>
          <FormErrors
            formId={formId}
            errors={form.errors}
            general={form.general}
            attempt={form.attempt}
            labels={labels}
          />
          <div className="field-pair">
            <SelectInput
              formId={formId}
              {...form.field('role')}
              label={labels.role}
              options={roleOptions}
              required
            />
            <SelectInput
              formId={formId}
              {...form.field('unitId')}
              label={labels.unitId}
              options={unitChoices}
              placeholder={t('form.choose')}
              required
            />
          </div>
          <div>
            <Button type="submit" variant="secondary" loading={form.submitting}>
              {t('person.addRole')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function PasswordPanel({ person }: { person: Person }): ReactElement {
  const { t } = useTranslation();
  const formId = 'set-password';
  const form = useForm({ password: '' });
  const [saved, setSaved] = useState(false);
  const labels = { password: t('person.newPassword') };
  const checked = validate(setPasswordBody, form.values, t);
  const onSubmit = form.submit(
    async () => {
      setSaved(false);
      await organisationApi.setPassword(person.id, form.values.password);
      form.reset();
      setSaved(true);
    },
    checked.ok ? undefined : checked.errors,
  );
  if (!person.allowedActions.includes('resetPassword')) {
    return <Paragraph>{t('person.cannotSetPassword')}</Paragraph>;
  }
  return (
    <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <Paragraph data-size="sm">{t('person.setPasswordLead', { name: person.name })}</Paragraph>
      <FormErrors
        formId={formId}
        errors={form.errors}
        general={form.general}
        attempt={form.attempt}
        labels={labels}
      />
      {saved ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('person.passwordSet')}</Paragraph>
        </Alert>
      ) : null}
      <TextInput
        formId={formId}
        {...form.field('password')}
        type="password"
        label={labels.password}
        description={t('account.passwordRule')}
        autoComplete="new-password"
        required
      />
      <div>
        <Button type="submit" loading={form.submitting}>
          {t('person.setPassword')}
        </Button>
      </div>
    </form>
  );
}

/** Everything an administrator does to one person: details, roles, password, (de)activation. */
export function ManagePerson({ person, onDone }: { person: Person; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState('details');
  const canEdit = person.allowedActions.includes('edit');

  const [activationError, setActivationError] = useState<string | null>(null);
  const setActive = async (active: boolean): Promise<void> => {
    await organisationApi.updatePerson(person.id, { active });
    await refreshOrganisation(queryClient);
  };
  const activate = async (): Promise<void> => {
    setActivationError(null);
    try {
      await setActive(true);
    } catch (error) {
      setActivationError(errorMessage(error, t('common.errorUnknown')));
    }
  };

  return (
    <div className="stack">
      <Paragraph data-size="sm" className="muted">
        {person.username} · {person.organisationName} ·{' '}
        {person.active ? t('person.activeYes') : t('person.inactive')}
      </Paragraph>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('person.tabDetails')}</Tabs.Tab>
          <Tabs.Tab value="roles">{t('person.tabRoles')}</Tabs.Tab>
          <Tabs.Tab value="password">{t('person.tabPassword')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <div className="tab-panel">
            {canEdit ? (
              <EditPersonForm person={person} onDone={onDone} />
            ) : (
              <Paragraph>{t('person.cannotEdit')}</Paragraph>
            )}
            {canEdit ? (
              <div className="danger-zone">
                <Heading level={3} data-size="2xs">
                  {person.active ? t('person.deactivate') : t('person.activate')}
                </Heading>
                <Paragraph data-size="sm" className="mt-1">
                  {person.active ? t('person.deactivateLead') : t('person.activateLead')}
                </Paragraph>
                <div className="mt-2">
                  {person.active ? (
                    <ConfirmButton
                      variant="secondary"
                      title={t('person.deactivateTitle')}
                      text={t('person.deactivateConfirm', { name: person.name })}
                      confirmLabel={t('person.deactivate')}
                      onConfirm={() => setActive(false)}
                    >
                      {t('person.deactivate')}
                    </ConfirmButton>
                  ) : (
                    <>
                      <Button variant="secondary" data-size="sm" onClick={() => void activate()}>
                        {t('person.activate')}
                      </Button>
                      {activationError ? (
                        <Paragraph role="alert" className="text-danger mt-2">
                          {activationError}
                        </Paragraph>
                      ) : null}
                    </>
                  )}
                </div>
              </div>
            ) : null}
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <div className="tab-panel">
            <RolesPanel person={person} />
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="password">
          <div className="tab-panel">
            <PasswordPanel person={person} />
          </div>
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
