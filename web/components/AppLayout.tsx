import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandlingNav } from '../features/deviations/inbox/nav.ts';
import { canViewStatistics } from '../features/deviations/stats/access.ts';
import { useUnreadCount } from '../features/documents/reading/api.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { canAdminister, canKeepOrganisationConfig, canViewAudit, signOut, useMe } from '../session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface NavItem {
  to:
    | '/'
    | '/account'
    | '/my-reports'
    | '/deviations'
    | '/unit-meeting'
    | '/statistics'
    | '/documents'
    | '/reading'
    | '/knowledge-supports'
    | '/admin/units'
    | '/admin/people'
    | '/admin/organisations'
    | '/admin/bodies'
    | '/admin/import'
    | '/admin/audit'
    | '/admin/deviation-config'
    | '/admin/document-config';
  label: string;
  /** a number beside the label, e.g. the cases waiting in the inbox */
  count?: number;
  /** what the count counts, for screen readers; default "waiting" */
  countLabel?: string;
}

export function AppLayout(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [signingOut, setSigningOut] = useState(false);

  // A chosen page closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => setMenuOpen(false), [pathname]);

  // Escape closes the open phone menu and puts focus back on its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  const handlingNav = useHandlingNav(me);
  const readingCount = useUnreadCount();
  const mainItems: NavItem[] = [
    { to: '/', label: t('nav.home') },
    { to: '/my-reports', label: t('myReports.nav') },
    ...(handlingNav.cases
      ? [{ to: '/deviations' as const, label: t('caseNav.cases'), count: handlingNav.inboxCount }]
      : []),
    ...(handlingNav.meeting ? [{ to: '/unit-meeting' as const, label: t('caseNav.unitMeeting') }] : []),
    ...(canViewStatistics(me) ? [{ to: '/statistics' as const, label: t('stats.nav') }] : []),
    { to: '/documents', label: t('documents.nav') },
    { to: '/knowledge-supports', label: t('knowledgeSupports.nav') },
    { to: '/reading', label: t('reading.nav'), count: readingCount, countLabel: t('reading.navWaiting') },
    { to: '/account', label: t('nav.account') },
  ];
  const adminItems: NavItem[] = canAdminister(me)
    ? [
        { to: '/admin/units', label: t('nav.units') },
        { to: '/admin/people', label: t('nav.people') },
        { to: '/admin/organisations', label: t('nav.organisations') },
        { to: '/admin/bodies', label: t('nav.bodies') },
        { to: '/admin/import', label: t('nav.import') },
        ...(canViewAudit(me) ? [{ to: '/admin/audit' as const, label: t('nav.audit') }] : []),
        ...(canKeepOrganisationConfig(me)
          ? [
              { to: '/admin/deviation-config' as const, label: t('deviationConfig.nav') },
              { to: '/admin/document-config' as const, label: t('documentConfig.nav') },
            ]
          : []),
      ]
    : [];

  async function onSignOut(): Promise<void> {
    setSigningOut(true);
    try {
      await signOut(queryClient);
    } finally {
      setSigningOut(false);
      await navigate({ to: '/signin' });
    }
  }

  function renderItem(item: NavItem): ReactElement {
    return (
      <li key={item.to}>
        <Link
          to={item.to}
          className="app-nav__link"
          activeOptions={{ exact: item.to === '/', includeSearch: false }}
          activeProps={{ 'aria-current': 'page' }}
        >
          {item.label}
          {item.count ? (
            <span className="nav-count">
              {item.count}
              <span className="ds-sr-only"> {item.countLabel ?? t('caseNav.waiting')}</span>
            </span>
          ) : null}
        </Link>
      </li>
    );
  }

  return (
    <div className="app">
      <SkipLink href="#main-content">{t('nav.skipToMain')}</SkipLink>
      <header className="app-header" data-open={menuOpen || undefined}>
        <div className="app-header__brand">
          <Link to="/" className="app-header__product">
            {t('app.name')}
          </Link>
        </div>
        <Button
          ref={menuButton}
          variant="secondary"
          data-size="sm"
          className="app-header__menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-nav app-account"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" className="app-header__menu-icon">
            {menuOpen ? '✕' : '☰'}
          </span>
          {t('nav.menu')}
        </Button>
        <div className="app-account" id="app-account">
          <span className="app-account__name" data-testid="person-name">
            {me.person.name}
          </span>
          <NotificationBell />
          <LanguageSwitch signedIn />
          <Button variant="tertiary" data-size="sm" onClick={() => void onSignOut()} loading={signingOut}>
            {t('nav.signOut')}
          </Button>
        </div>
        <nav className="app-nav" id="app-nav" aria-label={t('nav.label')}>
          {/* Reporting is what most people come for: first, and a button rather than a link. */}
          <Button asChild data-size="sm" className="app-nav__report">
            <Link to="/report" activeProps={{ 'aria-current': 'page' }}>
              {t('report.nav')}
            </Link>
          </Button>
          <ul className="app-nav__list">{mainItems.map(renderItem)}</ul>
          {adminItems.length > 0 ? (
            <div className="app-nav__group">
              <span className="app-nav__group-label" id="nav-admin-label">
                {t('nav.administration')}
              </span>
              <ul className="app-nav__list" aria-labelledby="nav-admin-label">
                {adminItems.map(renderItem)}
              </ul>
            </div>
          ) : null}
        </nav>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
