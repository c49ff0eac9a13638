import './i18n/index.js';
import './prefs/elder-mode.js';
import './styles.css';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/errors.js';
import { isMeKey, meKey, prefetchMe } from './api/session.js';
import { AppRoutes } from './app/router.js';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that expired mid-visit: forget the user, and the route guards send them to /login.
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && !isMeKey(query.queryKey)) {
        queryClient.setQueryData(meKey, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// The signed-in areas (and / and /login, which send the signed-in on) first ask who is signed in.
if (/^\/(console|h5|login)?(\/|$)/.test(window.location.pathname)) void prefetchMe(queryClient);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
