import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from './Page.tsx';
import { ErrorAlert } from './QueryState.tsx';

export function NotFoundPage(): ReactElement {
  const { t } = useTranslation();
  return (
    <main id="main-content" className="standalone" tabIndex={-1}>
      <Page title={t('notFound.title')}>
        <Paragraph>{t('notFound.text')}</Paragraph>
        <Paragraph>
          <DsLink asChild>
            <Link to="/">{t('notFound.home')}</Link>
          </DsLink>
        </Paragraph>
      </Page>
    </main>
  );
}

/** An error inside the signed-in layout: the header and menu stay usable. */
export function RouteError({ error, reset }: ErrorComponentProps): ReactElement {
  const { t } = useTranslation();
  return (
    <Page title={t('common.errorTitle')}>
      <ErrorAlert error={error} onRetry={reset} />
    </Page>
  );
}

export function RootErrorPage(props: ErrorComponentProps): ReactElement {
  return (
    <main id="main-content" className="standalone" tabIndex={-1}>
      <RouteError {...props} />
    </main>
  );
}
