import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Role } from '../../../../contracts/common.ts';
import { createPersonBody, type Person, updatePersonBody } from '../../../../contracts/organisation.ts';
import {
  FormShell,
  type Option,
  orNull,
  SelectInput,
  TextInput,
  useForm,
  validate,
} from '../../../components/form.tsx';
import { useMe } from '../../../session.ts';
import { organisationApi, organisationsQuery, refreshOrganisation, unitsQuery } from '../api.ts';
import { unitOptions } from '../units/unitTree.ts';

export const roles: readonly Role[] = ['staff', 'manager', 'quality_coordinator', 'administrator'];
const languages: readonly Language[] = ['sv', 'nb', 'en'];
const languageNames: Record<Language, string> = { sv: 'Svenska', nb: 'Norsk bokmål', en: 'English' };

export function useRoleOptions(): Option[] {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

export function useUnitOptions(organisationId: string): Option[] {
  const units = useQuery(unitsQuery);
  const all = units.data?.items ?? [];
  const own = all.filter((u) => u.organisationId === organisationId && u.active);
  return unitOptions(own.length > 0 ? own : all.filter((u) => u.active));
}

interface RoleRow {
  role: string;
  unitId: string;
}

interface CreatePersonFormProps {
  onDone: (person: Person) => void;
  onCancel: () => void;
}

export function CreatePersonForm({ onDone, onCancel }: CreatePersonFormProps): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQuery);
  const formId = 'create-person';
  const form = useForm({
    organisationId: me.organisation.id,
    username: '',
    name: '',
    email: '',
    profession: '',
    language: 'sv' as string,
    password: '',
    roles: [] as RoleRow[],
  });
  const roleOptions = useRoleOptions();
  const unitChoices = useUnitOptions(form.values.organisationId);
  const labels: Record<string, string> = {
    organisationId: t('person.organisation'),
    username: t('person.username'),
    name: t('person.name'),
    email: t('person.email'),
    profession: t('person.profession'),
    language: t('person.language'),
    password: t('person.initialPassword'),
  };
  form.values.roles.forEach((_, i) => {
    labels[`roles.${i}.role`] = `${t('role.label')} ${i + 1}`;
    labels[`roles.${i}.unitId`] = `${t('unit.label')} ${i + 1}`;
  });

  const body = {
    organisationId: form.values.organisationId,
    username: form.values.username,
    name: form.values.name,
    email: form.values.email.trim(),
    profession: orNull(form.values.profession),
    language: form.values.language,
    password: form.values.password === '' ? undefined : form.values.password,
    roles: form.values.roles,
  };
  const checked = validate(createPersonBody, body, t);
  const onSubmit = form.submit(
    async () => {
      if (!checked.ok) return;
      const created = await organisationApi.createPerson(checked.data);
      await refreshOrganisation(queryClient);
      onDone(created);
    },
    checked.ok ? undefined : checked.errors,
  );

  const setRole = (index: number, change: Partial<RoleRow>): void => {
    form.set(
      'roles',
      form.values.roles.map((row, i) => (i === index ? { ...row, ...change } : row)),
    );
  };

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <SelectInput
        formId={formId}
        {...form.field('organisationId')}
        label={labels.organisationId ?? ''}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        placeholder={organisations.isPending ? t('common.loading') : t('form.choose')}
        required
      />
      <TextInput
        formId={formId}
        {...form.field('name')}
        label={labels.name ?? ''}
        autoComplete="off"
        required
      />
      <TextInput
        formId={formId}
        {...form.field('username')}
        label={labels.username ?? ''}
        description={t('person.usernameHelp')}
        autoComplete="off"
        required
      />
      <TextInput
        formId={formId}
        {...form.field('email')}
        type="email"
        label={labels.email ?? ''}
        autoComplete="off"
        required
      />
      <TextInput
        formId={formId}
        {...form.field('profession')}
        label={labels.profession ?? ''}
        description={t('person.professionHelp')}
      />
      <SelectInput
        formId={formId}
        {...form.field('language')}
        label={labels.language ?? ''}
        options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
      />
      <TextInput
        formId={formId}
        {...form.field('password')}
        type="password"
        label={labels.password ?? ''}
        description={t('person.initialPasswordHelp')}
        autoComplete="new-password"
      />
      <Fieldset>
        <Fieldset.Legend>{t('person.roles')}</Fieldset.Legend>
        <Fieldset.Description>{t('person.rolesHelp')}</Fieldset.Description>
        {form.values.roles.length === 0 ? (
          <Paragraph data-size="sm">{t('person.noRolesYet')}</Paragraph>
        ) : null}
        {form.values.roles.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
          <div className="role-row" key={index}>
            <SelectInput
              formId={formId}
              name={`roles.${index}.role`}
              label={`${t('role.label')} ${index + 1}`}
              value={row.role}
              onChange={(event) => setRole(index, { role: event.target.value })}
              options={roleOptions}
              placeholder={t('form.choose')}
              error={form.errors[`roles.${index}.role`]}
              required
            />
            <SelectInput
              formId={formId}
              name={`roles.${index}.unitId`}
              label={`${t('unit.label')} ${index + 1}`}
              value={row.unitId}
              onChange={(event) => setRole(index, { unitId: event.target.value })}
              options={unitChoices}
              placeholder={t('form.choose')}
              error={form.errors[`roles.${index}.unitId`]}
              required
            />
            <Button
              variant="tertiary"
              data-color="danger"
              data-size="sm"
              className="role-row__remove"
              onClick={() =>
                form.set(
                  'roles',
                  form.values.roles.filter((_, i) => i !== index),
                )
              }
            >
              {t('person.removeRoleRow', { n: index + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => form.set('roles', [...form.values.roles, { role: 'staff', unitId: '' }])}
          >
            {t('person.addRoleRow')}
          </Button>
        </div>
      </Fieldset>
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {t('person.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}

interface EditPersonFormProps {
  person: Person;
  onDone: () => void;
}

export function EditPersonForm({ person, onDone }: EditPersonFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQuery);
  const formId = 'edit-person';
  const form = useForm({
    name: person.name,
    email: person.email,
    profession: person.profession ?? '',
    language: person.language as string,
    organisationId: person.organisationId,
  });
  const labels = {
    name: t('person.name'),
    email: t('person.email'),
    profession: t('person.profession'),
    language: t('person.language'),
    organisationId: t('person.organisation'),
  };
  const body = {
    name: form.values.name,
    email: form.values.email.trim(),
    profession: orNull(form.values.profession),
    language: form.values.language,
    organisationId: form.values.organisationId,
  };
  const checked = validate(updatePersonBody, body, t);
  const onSubmit = form.submit(
    async () => {
      if (!checked.ok) return;
      await organisationApi.updatePerson(person.id, checked.data);
      await refreshOrganisation(queryClient);
      onDone();
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <TextInput formId={formId} {...form.field('name')} label={labels.name} autoComplete="off" required />
      <TextInput
        formId={formId}
        {...form.field('email')}
        type="email"
        label={labels.email}
        autoComplete="off"
        required
      />
      <TextInput formId={formId} {...form.field('profession')} label={labels.profession} />
      <div className="field-pair">
        <SelectInput
          formId={formId}
          {...form.field('language')}
          label={labels.language}
          options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
        />
        <SelectInput
          formId={formId}
          {...form.field('organisationId')}
          label={labels.organisationId}
          options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </div>
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {t('common.save')}
        </Button>
      </div>
    </FormShell>
  );
}
