/**
 * Routes. Each area is its own lazy chunk, so residents on /h5 never download the console (antd)
 * and staff in the console never download the H5 app. Declarative routing keeps react-router's
 * data-router machinery (loaders, actions) out of the first download.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { homePath, useMe } from '../api/session.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { NotFound } from './NotFound.js';
import { FullPageError, FullPageLoading } from './states.js';

const LoginPage = lazy(async () => ({ default: (await import('../login/LoginPage.js')).LoginPage }));
const ConsoleApp = lazy(async () => ({ default: (await import('../console/ConsoleApp.js')).ConsoleApp }));
const RegisterPage = lazy(async () => ({ default: (await import('../h5/RegisterPage.js')).RegisterPage }));
const ResetPasswordPage = lazy(async () => ({
  default: (await import('../login/ResetPasswordPage.js')).ResetPasswordPage,
}));
const H5App = lazy(async () => ({ default: (await import('../h5/H5App.js')).H5App }));
const SitesApp = lazy(async () => ({ default: (await import('../sites/SitesApp.js')).SitesApp }));
const VerifyPage = lazy(async () => ({ default: (await import('../verify/VerifyPage.js')).VerifyPage }));
const KioskPage = lazy(async () => ({ default: (await import('../kiosk/KioskPage.js')).KioskPage }));
const CharityReportPage = lazy(async () => ({ default: (await import('../charity/ReportPage.js')).ReportPage }));
const LibraryApp = lazy(async () => ({ default: (await import('../library/LibraryApp.js')).LibraryApp }));

function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <FullPageLoading />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => me.refetch()} />;
  return (
    <>
      <FullPageLoading />
      <Navigate to={me.data ? homePath(me.data) : '/login'} replace />
    </>
  );
}

const area = (node: ReactNode) => (
  <ErrorBoundary>
    <Suspense fallback={<FullPageLoading />}>{node}</Suspense>
  </ErrorBoundary>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<RootRedirect />} />
      <Route path="/login" element={area(<LoginPage />)} />
      <Route path="/register" element={area(<RegisterPage />)} />
      <Route path="/reset-password" element={area(<ResetPasswordPage />)} />
      <Route path="/console/*" element={area(<ConsoleApp />)} />
      <Route path="/h5/*" element={area(<H5App />)} />
      <Route path="/sites/*" element={area(<SitesApp />)} />
      <Route path="/verify/:number" element={area(<VerifyPage />)} />
      <Route path="/kiosk/:siteId" element={area(<KioskPage />)} />
      <Route path="/charity/report/:id?" element={area(<CharityReportPage />)} />
      <Route path="/library/*" element={area(<LibraryApp />)} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
