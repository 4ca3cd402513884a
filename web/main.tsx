import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError } from './api.ts';
import { initI18n } from './i18n/index.ts';
import { createAppRouter } from './routes/index.tsx';
import { meQuery } from './session.ts';

/** A request answered 401 means the session ended (idle, signed out elsewhere): go to sign-in. */
function onUnauthenticated(error: unknown): void {
  if (!isApiError(error) || error.status !== 401) return;
  if (window.location.pathname === '/signin') return;
  queryClient.clear();
  void router.navigate({
    to: '/signin',
    search: { redirect: `${window.location.pathname}${window.location.search}` },
  });
}

const queryClient = new QueryClient({
  // The signed-in layout handles a 401 on /api/me itself (it redirects with the place to return to).
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== 'me') onUnauthenticated(error);
    },
  }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
    },
  },
});
const router = createAppRouter(queryClient);

/**
 * Starts what the first page needs while the language texts load, instead of after them: who is
 * signed in (the guard's ensureQueryData then shares this request) and the code of the page's
 * routes. A failure here changes nothing: the router asks again and handles the error as before.
 */
function startEarly(): void {
  const { pathname } = window.location;
  if (pathname !== '/signin') void queryClient.prefetchQuery(meQuery);
  const [routes] = router.getMatchedRoutes(pathname);
  for (const route of routes) void router.loadRouteChunk(route)?.catch(() => undefined);
}

async function start(): Promise<void> {
  // The language's texts are asked for first, as the page cannot show before them.
  const texts = initI18n();
  startEarly();
  await texts;
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
