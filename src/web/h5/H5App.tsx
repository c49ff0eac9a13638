/** The mobile app for residents, volunteers, team admins and judges (antd-mobile): its own chunk under /h5. */
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../api/session.js';
import { NotFound } from '../app/NotFound.js';
import { FullPageError, FullPageLoading } from '../app/states.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { ChangePasswordPage } from './ChangePasswordPage.js';
import { ChangePhonePage } from './ChangePhonePage.js';
import { H5Layout } from './H5Layout.js';
import { HomePage } from './HomePage.js';
import { MinePage } from './MinePage.js';
import { MyVolunteerPage } from './MyVolunteerPage.js';
import { FamilyPage } from './people/FamilyPage.js';
import { InboxPage } from './people/InboxPage.js';
import { InvitationsPage } from './people/InvitationsPage.js';
import { TeamDetailPage } from './people/TeamDetailPage.js';
import { TeamRequestsPage } from './people/TeamRequestsPage.js';
import { TeamsPage } from './people/TeamsPage.js';
import { RegisterVolunteer } from './RegisterPage.js';
import './h5.css';

export function H5App() {
  return (
    <MobileProviders>
      <H5Gate />
    </MobileProviders>
  );
}

function H5Gate() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoading />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // A password chosen by someone else (at the station desk) is changed before anything else.
  if (me.data.mustChangePassword && location.pathname !== '/h5/mine/password')
    return <Navigate to="/h5/mine/password" replace />;
  return (
    <Routes>
      <Route element={<H5Layout />}>
        <Route index element={<HomePage me={me.data} />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="mine" element={<MinePage me={me.data} />} />
      </Route>
      <Route path="mine/password" element={<ChangePasswordPage />} />
      <Route path="mine/volunteer" element={<MyVolunteerPage />} />
      <Route path="mine/volunteer/phone" element={<ChangePhonePage />} />
      <Route
        path="mine/volunteer/apply"
        element={
          <div className="lf-h5">
            <RegisterVolunteer mode="existing" />
          </div>
        }
      />
      <Route path="teams/:id" element={<TeamDetailPage />} />
      <Route path="teams/:id/requests" element={<TeamRequestsPage />} />
      <Route path="invitations" element={<InvitationsPage />} />
      <Route path="family" element={<FamilyPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
