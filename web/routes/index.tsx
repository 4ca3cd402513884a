import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
} from '@tanstack/react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { NotFoundPage, RootErrorPage, RouteError } from '../components/ErrorPages.tsx';
import { PageSpinner } from '../components/QueryState.tsx';
import { RootShell } from '../components/RootShell.tsx';
import { deviationConfigQuery } from '../features/deviations/api.ts';
import { validateDeviationsSearch } from '../features/deviations/inbox/search.ts';
import { validateStatsSearch } from '../features/deviations/stats/search.ts';
import { validateReadingOverviewSearch } from '../features/documents/reading/search.ts';
import { validateDocumentSearchParams } from '../features/documents/search/searchParams.ts';
import { validateCompareSearch, validateDocumentsSearch } from '../features/documents/search.ts';
import {
  requireAdministrator,
  requireMe,
  requireOrganisationAdministrator,
  requireRole,
  safeRedirect,
} from './guards.ts';
import { optionalPage, optionalString } from './search.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootShell,
  notFoundComponent: NotFoundPage,
  errorComponent: RootErrorPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = optionalString(search.redirect);
    return target ? { redirect: safeRedirect(target) } : {};
  },
  component: lazyRouteComponent(() => import('../features/auth/SignInPage.tsx'), 'SignInPage'),
});

/** Everything below needs a signed-in person. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => ({
    me: await requireMe(context.queryClient, location.href),
  }),
  component: AppLayout,
  errorComponent: RootErrorPage,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/auth/HomePage.tsx'), 'HomePage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../features/auth/AccountPage.tsx'), 'AccountPage'),
});

// Reporting: the report form (its choices fetched while its code loads), and the reporter's own reports.
const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/report',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(deviationConfigQuery);
  },
  component: lazyRouteComponent(() => import('../features/deviations/report/ReportPage.tsx'), 'ReportPage'),
});

const myReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/my-reports',
  validateSearch: (search: Record<string, unknown>): { page?: number } => {
    const page = optionalPage(search.page);
    return page ? { page } : {};
  },
  component: lazyRouteComponent(
    () => import('../features/deviations/mine/MyReportsPage.tsx'),
    'MyReportsPage',
  ),
});

const myReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/my-reports/$id',
  component: lazyRouteComponent(() => import('../features/deviations/mine/MyReportPage.tsx'), 'MyReportPage'),
});

// Handling deviations: the case list (inbox, units, bodies, unit meeting), one case, the unit meeting.
const deviationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deviations',
  validateSearch: validateDeviationsSearch,
  component: lazyRouteComponent(
    () => import('../features/deviations/inbox/DeviationsPage.tsx'),
    'DeviationsPage',
  ),
});

const deviationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deviations/$id',
  component: lazyRouteComponent(() => import('../features/deviations/case/CasePage.tsx'), 'CasePage'),
});

const unitMeetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/unit-meeting',
  component: lazyRouteComponent(
    () => import('../features/deviations/meeting/UnitMeetingPage.tsx'),
    'UnitMeetingPage',
  ),
});

// Statistics: managers and quality coordinators, each over their own units; ECharts loads with this page only.
const statisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics',
  beforeLoad: ({ context }) => requireRole(context.me, ['manager', 'quality_coordinator']),
  validateSearch: validateStatsSearch,
  component: lazyRouteComponent(() => import('../features/deviations/stats/StatsPage.tsx'), 'StatsPage'),
});

// The signed-in person's notifications (the header's bell shows the unread count).
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  validateSearch: (search: Record<string, unknown>): { page?: number } => {
    const page = optionalPage(search.page);
    return page ? { page } : {};
  },
  component: lazyRouteComponent(
    () => import('../features/notifications/NotificationsPage.tsx'),
    'NotificationsPage',
  ),
});

// Controlled documents: the list, one document, its editor, its versions, two versions compared.
const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents',
  validateSearch: validateDocumentsSearch,
  component: lazyRouteComponent(() => import('../features/documents/DocumentsPage.tsx'), 'DocumentsPage'),
});

const documentSearchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/search',
  validateSearch: validateDocumentSearchParams,
  component: lazyRouteComponent(
    () => import('../features/documents/search/DocumentSearchPage.tsx'),
    'DocumentSearchPage',
  ),
});

const documentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/$id',
  component: lazyRouteComponent(() => import('../features/documents/DocumentPage.tsx'), 'DocumentPage'),
});

const documentEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/$id/edit',
  component: lazyRouteComponent(() => import('../features/documents/EditorPage.tsx'), 'EditorPage'),
});

const documentVersionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/$id/versions',
  component: lazyRouteComponent(() => import('../features/documents/VersionsPage.tsx'), 'VersionsPage'),
});

const documentVersionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/$id/versions/$number',
  component: lazyRouteComponent(() => import('../features/documents/VersionsPage.tsx'), 'VersionPage'),
});

const documentCompareRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/documents/$id/compare',
  validateSearch: validateCompareSearch,
  component: lazyRouteComponent(() => import('../features/documents/ComparePage.tsx'), 'ComparePage'),
});

// A version for printing: signed in, but without the app's header and navigation around it.
const documentPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id/versions/$number/print',
  beforeLoad: async ({ context, location }) => ({
    me: await requireMe(context.queryClient, location.href),
  }),
  errorComponent: RootErrorPage,
  component: lazyRouteComponent(() => import('../features/documents/PrintPage.tsx'), 'PrintPage'),
});

// Reading: my reading list, and who in my units has read what.
const readingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reading',
  component: lazyRouteComponent(() => import('../features/documents/reading/ReadingPage.tsx'), 'ReadingPage'),
});

const readingOverviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reading/overview',
  validateSearch: validateReadingOverviewSearch,
  component: lazyRouteComponent(
    () => import('../features/documents/reading/ReadingOverviewPage.tsx'),
    'ReadingOverviewPage',
  ),
});

const knowledgeSupportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/knowledge-supports',
  component: lazyRouteComponent(
    () => import('../features/documents/reading/KnowledgeSupportsPage.tsx'),
    'KnowledgeSupportsPage',
  ),
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  beforeLoad: ({ context }) => requireAdministrator(context.me),
});

const unitsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/units',
  validateSearch: (search: Record<string, unknown>): { unit?: string } => {
    const unit = optionalString(search.unit);
    return unit ? { unit } : {};
  },
  component: lazyRouteComponent(() => import('../features/organisation/units/UnitsPage.tsx'), 'UnitsPage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => {
    const q = optionalString(search.q);
    const page = optionalPage(search.page);
    return { ...(q ? { q } : {}), ...(page ? { page } : {}) };
  },
  component: lazyRouteComponent(() => import('../features/organisation/people/PeoplePage.tsx'), 'PeoplePage'),
});

const organisationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organisations',
  component: lazyRouteComponent(
    () => import('../features/organisation/organisations/OrganisationsPage.tsx'),
    'OrganisationsPage',
  ),
});

const bodiesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/bodies',
  validateSearch: (search: Record<string, unknown>): { body?: string } => {
    const body = optionalString(search.body);
    return body ? { body } : {};
  },
  component: lazyRouteComponent(() => import('../features/organisation/bodies/BodiesPage.tsx'), 'BodiesPage'),
});

const importRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('../features/organisation/import/ImportPage.tsx'), 'ImportPage'),
});

export interface AuditSearch {
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page?: number;
}

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => {
    const result: AuditSearch = {};
    for (const key of ['action', 'entityType', 'entityId', 'from', 'to'] as const) {
      const value = optionalString(search[key]);
      if (value) result[key] = value;
    }
    const page = optionalPage(search.page);
    if (page) result.page = page;
    return result;
  },
  component: lazyRouteComponent(() => import('../features/organisation/audit/AuditPage.tsx'), 'AuditPage'),
});

// The reporting configuration: entries, classification trees and ladders (organisation administrators).
const deviationConfigRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/deviation-config',
  validateSearch: (search: Record<string, unknown>): { node?: string } => {
    const node = optionalString(search.node);
    return node ? { node } : {};
  },
  component: lazyRouteComponent(
    () => import('../features/deviations/config/DeviationConfigPage.tsx'),
    'DeviationConfigPage',
  ),
});

// Document types and templates (organisation administrators): the list, one template, a new one.
const documentConfigRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/document-config',
  beforeLoad: ({ context }) => requireOrganisationAdministrator(context.me),
});

const documentConfigListRoute = createRoute({
  getParentRoute: () => documentConfigRoute,
  path: '/',
  component: lazyRouteComponent(
    () => import('../features/documents/config/DocumentConfigPage.tsx'),
    'DocumentConfigPage',
  ),
});

const documentTemplateNewRoute = createRoute({
  getParentRoute: () => documentConfigRoute,
  path: '/templates/new',
  validateSearch: (search: Record<string, unknown>): { type?: string } => {
    const type = optionalString(search.type);
    return type ? { type } : {};
  },
  component: lazyRouteComponent(
    () => import('../features/documents/config/TemplateEditorPage.tsx'),
    'NewTemplatePage',
  ),
});

const documentTemplateRoute = createRoute({
  getParentRoute: () => documentConfigRoute,
  path: '/templates/$id',
  component: lazyRouteComponent(
    () => import('../features/documents/config/TemplateEditorPage.tsx'),
    'TemplateEditorPage',
  ),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  documentPrintRoute,
  appRoute.addChildren([
    homeRoute,
    accountRoute,
    reportRoute,
    myReportsRoute,
    myReportRoute,
    deviationsRoute,
    deviationRoute,
    unitMeetingRoute,
    statisticsRoute,
    notificationsRoute,
    documentsRoute,
    documentSearchRoute,
    documentRoute,
    documentEditRoute,
    documentVersionsRoute,
    documentVersionRoute,
    documentCompareRoute,
    readingRoute,
    readingOverviewRoute,
    knowledgeSupportsRoute,
    adminRoute.addChildren([
      unitsRoute,
      peopleRoute,
      organisationsRoute,
      bodiesRoute,
      importRoute,
      auditRoute,
      deviationConfigRoute,
      documentConfigRoute.addChildren([
        documentConfigListRoute,
        documentTemplateNewRoute,
        documentTemplateRoute,
      ]),
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PageSpinner,
    defaultErrorComponent: RouteError,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
