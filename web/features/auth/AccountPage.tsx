import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBody } from '../../../contracts/auth.ts';
import { api } from '../../api.ts';
import { ConfirmButton } from '../../components/dialogs.tsx';
import { FormShell, TextInput, useForm, validate } from '../../components/form.tsx';
import { Page } from '../../components/Page.tsx';
import { signOut } from '../../session.ts';

const formId = 'password';

function ChangePasswordForm(): ReactElement {
  const { t } = useTranslation();
  const form = useForm({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const [saved, setSaved] = useState(false);
  const labels = {
    currentPassword: t('account.currentPassword'),
    newPassword: t('account.newPassword'),
    repeatPassword: t('account.repeatPassword'),
  };

  const { repeatPassword, ...body } = form.values;
  const checked = validate(changePasswordBody, body, t);
  const clientErrors = checked.ok ? {} : { ...checked.errors };
  if (repeatPassword !== body.newPassword) clientErrors.repeatPassword = t('account.passwordsDiffer');

  const onSubmit = form.submit(async () => {
    setSaved(false);
    await api.post<void>('/api/me/password', body);
    form.reset();
    setSaved(true);
  }, clientErrors);

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      {saved ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('account.passwordChanged')}</Paragraph>
        </Alert>
      ) : null}
      <TextInput
        formId={formId}
        {...form.field('currentPassword')}
        type="password"
        label={labels.currentPassword}
        autoComplete="current-password"
        required
      />
      <TextInput
        formId={formId}
        {...form.field('newPassword')}
        type="password"
        label={labels.newPassword}
        description={t('account.passwordRule')}
        autoComplete="new-password"
        required
      />
      <TextInput
        formId={formId}
        {...form.field('repeatPassword')}
        type="password"
        label={labels.repeatPassword}
        autoComplete="new-password"
        required
      />
      <div>
        <Button type="submit" loading={form.submitting}>
          {t('account.changePassword')}
        </Button>
      </div>
    </FormShell>
  );
}

export function AccountPage(): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  return (
    <Page title={t('account.title')}>
      <div className="card-grid">
        <Card>
          <Card.Block>
            <Heading level={2} data-size="sm">
              {t('account.changePassword')}
            </Heading>
            <Paragraph data-size="sm" className="muted mt-2">
              {t('account.changePasswordLead')}
            </Paragraph>
          </Card.Block>
          <Card.Block>
            <ChangePasswordForm />
          </Card.Block>
        </Card>
        <Card>
          <Card.Block>
            <Heading level={2} data-size="sm">
              {t('account.signOutEverywhere')}
            </Heading>
            <Paragraph className="mt-2">{t('account.signOutEverywhereLead')}</Paragraph>
            <div className="mt-4">
              <ConfirmButton
                variant="secondary"
                data-size="md"
                title={t('account.signOutEverywhereConfirmTitle')}
                text={t('account.signOutEverywhereConfirm')}
                confirmLabel={t('account.signOutEverywhere')}
                onConfirm={async () => {
                  await signOut(queryClient, true);
                  await navigate({ to: '/signin' });
                }}
              >
                {t('account.signOutEverywhere')}
              </ConfirmButton>
            </div>
          </Card.Block>
        </Card>
      </div>
    </Page>
  );
}
