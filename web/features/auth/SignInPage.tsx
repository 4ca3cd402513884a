import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput, useForm } from '../../components/form.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { notePageShown } from '../../components/RootShell.tsx';
import { signIn } from '../../session.ts';

const formId = 'signin';

export function SignInPage(): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ from: '/signin' });
  const form = useForm({ username: '', password: '' });
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')} – ${t('app.name')}`;
  }, [t]);
  // The sign-in page counts as a page: the next page after it takes focus on its heading.
  useEffect(() => {
    notePageShown();
  }, []);

  // After a failed attempt the message takes focus, so it is read out at once.
  useEffect(() => {
    if (form.attempt > 0) alertRef.current?.focus();
  }, [form.attempt]);

  // Only "both filled in" is checked here: the sign-in page stays light (no schema library on the first
  // page a phone loads); the server checks the rest (contracts/auth.ts loginBody).
  const missing: Record<string, string> = {};
  if (form.values.username.trim() === '') missing.username = t('validation.required');
  if (form.values.password === '') missing.password = t('validation.required');
  const onSubmit = form.submit(async () => {
    try {
      await signIn(queryClient, form.values.username.trim(), form.values.password);
    } catch (error) {
      form.set('password', '');
      throw error;
    }
    await navigate({ to: search.redirect ?? '/' });
  }, missing);

  const failure = form.general ?? (Object.keys(form.errors).length > 0 ? t('signIn.missing') : null);

  return (
    <div className="signin">
      <header className="signin__header">
        <span className="signin__product">{t('app.name')}</span>
        <LanguageSwitch signedIn={false} />
      </header>
      <main id="main-content" className="signin__main" tabIndex={-1}>
        <Card className="signin__card">
          <Card.Block>
            <Heading level={1} data-size="md">
              {t('signIn.title')}
            </Heading>
            <Paragraph data-size="sm" className="muted mt-2">
              {t('app.tagline')}
            </Paragraph>
          </Card.Block>
          <Card.Block>
            <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
              {failure ? (
                <Alert data-color="danger" ref={alertRef} tabIndex={-1} role="alert" key={form.attempt}>
                  <Paragraph>{failure}</Paragraph>
                </Alert>
              ) : null}
              <TextInput
                formId={formId}
                {...form.field('username')}
                label={t('signIn.username')}
                autoComplete="username"
                required
                autoFocus
              />
              <TextInput
                formId={formId}
                {...form.field('password')}
                type="password"
                label={t('signIn.password')}
                autoComplete="current-password"
                required
              />
              <Button type="submit" loading={form.submitting}>
                {t('signIn.submit')}
              </Button>
            </form>
          </Card.Block>
        </Card>
      </main>
    </div>
  );
}
