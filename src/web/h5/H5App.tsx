/**
 * The mobile app for residents, volunteers, team admins and judges (antd-mobile): its own chunk under
 * /h5. The home page comes with it; every other page is a chunk fetched on first visit.
 */
import { type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../api/session.js';
import { lazyNamed } from '../app/lazy.js';
import { NotFound } from '../app/NotFound.js';
import { FullPageError, FullPageLoading } from '../app/states.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { H5Layout } from './H5Layout.js';
import { HomePage } from './HomePage.js';
import './h5.css';

const ActivitiesPage = lazyNamed(() => import('./activities/ActivitiesPage.js'), 'ActivitiesPage');
const ActivityPage = lazyNamed(() => import('./activities/ActivityPage.js'), 'ActivityPage');
const MyActivitiesPage = lazyNamed(() => import('./activities/MyActivitiesPage.js'), 'MyActivitiesPage');
const CheckinPage = lazyNamed(() => import('./activities/CheckinPage.js'), 'CheckinPage');
const MyHoursPage = lazyNamed(() => import('./hours/MyHoursPage.js'), 'MyHoursPage');
const TeamRecordsPage = lazyNamed(() => import('./hours/TeamRecordsPage.js'), 'TeamRecordsPage');
const MyPointsPage = lazyNamed(() => import('./points/MyPointsPage.js'), 'MyPointsPage');
const ChangePasswordPage = lazyNamed(() => import('./ChangePasswordPage.js'), 'ChangePasswordPage');
const ChangePhonePage = lazyNamed(() => import('./ChangePhonePage.js'), 'ChangePhonePage');
const FamilyPage = lazyNamed(() => import('./people/FamilyPage.js'), 'FamilyPage');
const InboxPage = lazyNamed(() => import('./people/InboxPage.js'), 'InboxPage');
const InvitationsPage = lazyNamed(() => import('./people/InvitationsPage.js'), 'InvitationsPage');
const MenuItemPage = lazyNamed(() => import('./orders/MenuItemPage.js'), 'MenuItemPage');
const MenuPage = lazyNamed(() => import('./orders/MenuPage.js'), 'MenuPage');
const MinePage = lazyNamed(() => import('./MinePage.js'), 'MinePage');
const MyVolunteerPage = lazyNamed(() => import('./MyVolunteerPage.js'), 'MyVolunteerPage');
const MyOrdersPage = lazyNamed(() => import('./orders/MyOrdersPage.js'), 'MyOrdersPage');
const OrderPage = lazyNamed(() => import('./orders/OrderPage.js'), 'OrderPage');
const PlaceOrderPage = lazyNamed(() => import('./orders/PlaceOrderPage.js'), 'PlaceOrderPage');
const RegisterVolunteer = lazyNamed(() => import('./RegisterPage.js'), 'RegisterVolunteer');
const NotificationSettingsPage = lazyNamed(
  () => import('./settings/NotificationSettingsPage.js'),
  'NotificationSettingsPage',
);
const TeamDetailPage = lazyNamed(() => import('./people/TeamDetailPage.js'), 'TeamDetailPage');
const TeamRequestsPage = lazyNamed(() => import('./people/TeamRequestsPage.js'), 'TeamRequestsPage');
const TasksPage = lazyNamed(() => import('./orders/TasksPage.js'), 'TasksPage');
const TeamsPage = lazyNamed(() => import('./people/TeamsPage.js'), 'TeamsPage');
const WishesRoutes = lazyNamed(() => import('./wishes/WishesRoutes.js'), 'WishesRoutes');
const StoresPage = lazyNamed(() => import('./store/StoresPage.js'), 'StoresPage');
const ShopPage = lazyNamed(() => import('./store/ShopPage.js'), 'ShopPage');
const MyRedemptionsPage = lazyNamed(() => import('./store/MyRedemptionsPage.js'), 'MyRedemptionsPage');
const MerchantDonationsPage = lazyNamed(() => import('./store/MerchantDonationsPage.js'), 'MerchantDonationsPage');
const AcademyRoutes = lazyNamed(() => import('./academy/AcademyRoutes.js'), 'AcademyRoutes');
const StallKeeperPage = lazyNamed(() => import('./charity/StallKeeperPage.js'), 'StallKeeperPage');
const ProjectsRoutes = lazyNamed(() => import('./projects/ProjectsRoutes.js'), 'ProjectsRoutes');

const page = (node: ReactNode) => <Suspense fallback={<FullPageLoading />}>{node}</Suspense>;

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
        <Route path="teams" element={page(<TeamsPage />)} />
        <Route path="inbox" element={page(<InboxPage />)} />
        <Route path="mine" element={page(<MinePage me={me.data} />)} />
      </Route>
      <Route path="mine/password" element={page(<ChangePasswordPage />)} />
      <Route path="settings/notifications" element={page(<NotificationSettingsPage />)} />
      <Route path="mine/volunteer" element={page(<MyVolunteerPage />)} />
      <Route path="mine/volunteer/phone" element={page(<ChangePhonePage />)} />
      <Route
        path="mine/volunteer/apply"
        element={<div className="lf-h5">{page(<RegisterVolunteer mode="existing" />)}</div>}
      />
      <Route path="teams/:id" element={page(<TeamDetailPage />)} />
      <Route path="teams/:id/requests" element={page(<TeamRequestsPage />)} />
      <Route path="invitations" element={page(<InvitationsPage />)} />
      <Route path="family" element={page(<FamilyPage />)} />
      <Route path="menu" element={page(<MenuPage />)} />
      <Route path="menu/:id" element={page(<MenuItemPage />)} />
      <Route path="orders" element={page(<MyOrdersPage />)} />
      <Route path="orders/new" element={page(<PlaceOrderPage />)} />
      <Route path="orders/:id" element={page(<OrderPage back="/h5/orders" />)} />
      <Route path="tasks" element={page(<TasksPage />)} />
      <Route path="tasks/:id" element={page(<OrderPage back="/h5/tasks" />)} />
      <Route path="activities" element={page(<ActivitiesPage />)} />
      <Route path="activities/:id" element={page(<ActivityPage />)} />
      <Route path="my-activities" element={page(<MyActivitiesPage />)} />
      <Route path="checkin" element={page(<CheckinPage />)} />
      <Route path="mine/hours" element={page(<MyHoursPage />)} />
      <Route path="mine/team-records" element={page(<TeamRecordsPage />)} />
      <Route path="wishes/*" element={page(<WishesRoutes />)} />
      <Route path="store" element={page(<StoresPage />)} />
      <Route path="store/redemptions" element={page(<MyRedemptionsPage />)} />
      <Route path="store/merchant" element={page(<MerchantDonationsPage />)} />
      <Route path="store/:siteId" element={page(<ShopPage />)} />
      <Route path="mine/points" element={page(<MyPointsPage />)} />
      <Route path="academy/*" element={page(<AcademyRoutes />)} />
      <Route path="charity" element={page(<StallKeeperPage />)} />
      <Route path="projects/*" element={page(<ProjectsRoutes />)} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
