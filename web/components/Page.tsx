import { Heading } from '@digdir/designsystemet-react';
import { type ReactElement, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { notePageShown } from './RootShell.tsx';

interface PageProps {
  title: string;
  /** a line under the heading */
  lead?: ReactNode;
  /** buttons beside the heading */
  actions?: ReactNode;
  children: ReactNode;
}

/** A page: its h1, the document title, and focus on the heading after client-side navigation. */
export function Page({ title, lead, actions, children }: PageProps): ReactElement {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (notePageShown()) heading.current?.focus();
  }, []);
  return (
    <div className="page">
      <div className="page__header">
        <div className="page__titles">
          <Heading level={1} data-size="lg" ref={heading} tabIndex={-1} className="page__title">
            {title}
          </Heading>
          {lead}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
