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

async function start(): Promise<void> {
  await initI18n();
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
