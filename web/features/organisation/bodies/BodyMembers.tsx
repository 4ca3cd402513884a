import { Button, Field, Heading, Label, Select, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Body, bodyRoleSchema } from '../../../../contracts/organisation.ts';
import { ConfirmButton } from '../../../components/dialogs.tsx';
import { FormErrors, SelectInput, TextInput, useForm } from '../../../components/form.tsx';
import { EmptyState, errorMessage, Loading } from '../../../components/QueryState.tsx';
import { keys, organisationApi, refreshOrganisation, usePeople } from '../api.ts';

function MemberRoleSelect({
  body,
  personId,
  role,
  name,
}: {
  body: Body;
  personId: string;
  role: string;
  name: string;
}): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const id = `member-role-${personId}`;
  return (
    <Field data-size="sm">
      <Label htmlFor={id} className="ds-sr-only">
        {t('body.roleOf', { name })}
      </Label>
      <Select
        id={id}
        value={role}
        width="auto"
        onChange={async (event) => {
          setFailure(null);
          try {
            await organisationApi.setMember(body.id, personId, {
              role: event.target.value as Body['members'][number]['role'],
            });
            await refreshOrganisation(queryClient);
          } catch (error) {
            setFailure(errorMessage(error, t('common.errorUnknown')));
          }
        }}
      >
        {bodyRoleSchema.options.map((r) => (
          <Select.Option key={r} value={r}>
            {t(`bodyRole.${r}`)}
          </Select.Option>
        ))}
      </Select>
      {failure ? (
        <span role="alert" className="text-danger">
          {failure}
        </span>
      ) : null}
    </Field>
  );
}

/** Find a person in any organisation (partner agencies too) and add them with a role. */
function AddMember({ body }: { body: Body }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState<string | undefined>(undefined);
  const people = usePeople({ q: searched, page: 1, pageSize: 10 }, Boolean(searched));
  const formId = 'add-member';
  const form = useForm({ personId: '', role: 'member' });
  const memberIds = new Set(body.members.map((m) => m.personId));
  const candidates = searched
    ? (people.data?.items ?? []).filter((p) => !memberIds.has(p.id) && p.active)
    : [];

  const onSubmit = form.submit(
    async () => {
      await organisationApi.setMember(body.id, form.values.personId, {
        role: form.values.role as Body['members'][number]['role'],
      });
      await Promise.all([
        refreshOrganisation(queryClient),
        queryClient.invalidateQueries({ queryKey: keys.bodies }),
      ]);
      form.reset({ personId: '', role: 'member' });
      setQ('');
      setSearched(undefined);
    },
    form.values.personId ? undefined : { personId: t('validation.choose') },
  );

  return (
    <div className="stack">
      <Heading level={3} data-size="2xs">
        {t('body.addMember')}
      </Heading>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSearched(q.trim() || undefined);
          form.set('personId', '');
        }}
      >
        <TextInput
          formId="member-search"
          name="q"
          label={t('body.findPerson')}
          description={t('body.findPersonHelp')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          required
        />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>
      {searched && people.isPending ? <Loading /> : null}
      {searched && people.data && candidates.length === 0 ? (
        <EmptyState>{t('body.noCandidates', { q: searched })}</EmptyState>
      ) : null}
      {candidates.length > 0 ? (
        <form id={formId} className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
          <FormErrors
            formId={formId}
            errors={form.errors}
            general={form.general}
            attempt={form.attempt}
            labels={{ personId: t('body.person'), role: t('body.role') }}
          />
          <div className="field-pair">
            <SelectInput
              formId={formId}
              {...form.field('personId')}
              label={t('body.person')}
              placeholder={t('form.choose')}
              options={candidates.map((p) => ({ value: p.id, label: `${p.name} (${p.organisationName})` }))}
              required
            />
            <SelectInput
              formId={formId}
              name="role"
              label={t('body.role')}
              value={form.values.role}
              onChange={form.bind('role')}
              options={bodyRoleSchema.options.map((r) => ({ value: r, label: t(`bodyRole.${r}`) }))}
              required
            />
          </div>
          <div>
            <Button type="submit" loading={form.submitting}>
              {t('body.addMember')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

export function BodyMembers({ body }: { body: Body }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canManage = body.allowedActions.includes('manageMembers');
  return (
    <section className="section" aria-labelledby="body-members">
      <Heading level={3} data-size="xs" id="body-members">
        {t('body.members')}
      </Heading>
      {body.members.length === 0 ? (
        <EmptyState>{t('body.noMembers')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <Table data-size="sm" className="mt-2">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('person.name')}</Table.HeaderCell>
                <Table.HeaderCell className="hide-narrow">{t('person.organisation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('body.role')}</Table.HeaderCell>
                {canManage ? <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {body.members.map((member) => (
                <Table.Row key={member.personId}>
                  <Table.Cell>{member.name}</Table.Cell>
                  <Table.Cell className="hide-narrow">{member.organisationName}</Table.Cell>
                  <Table.Cell>
                    {canManage ? (
                      <MemberRoleSelect
                        body={body}
                        personId={member.personId}
                        role={member.role}
                        name={member.name}
                      />
                    ) : (
                      t(`bodyRole.${member.role}`)
                    )}
                  </Table.Cell>
                  {canManage ? (
                    <Table.Cell>
                      <ConfirmButton
                        aria-label={t('common.removeNamed', { name: member.name })}
                        title={t('body.removeMemberTitle')}
                        text={t('body.removeMemberConfirm', { name: member.name, body: body.name })}
                        confirmLabel={t('common.remove')}
                        onConfirm={async () => {
                          await organisationApi.removeMember(body.id, member.personId);
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
        </div>
      )}
      {canManage ? (
        <div className="mt-4">
          <AddMember body={body} />
        </div>
      ) : null}
    </section>
  );
}
