import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { isCountyAdmin, maySeeCoverage, maySeeHouseholds, maySeeNetwork, maySeeSellers, mayListSites } from './access.js';
import { Guard } from './Guard.js';
import { HomeRedirect } from './HomeRedirect.js';
import { RequireAuth } from './RequireAuth.js';
import { AppLayout } from './shell/AppLayout.js';
import { SignInPage } from '../features/auth/sign-in/SignInPage.js';
import { NotFoundPage } from '../features/errors/not-found/NotFoundPage.js';
import { WelcomePage } from '../features/home/welcome/WelcomePage.js';
import { SitesPage } from '../features/network/sites/SitesPage.js';
import { SiteDetailPage } from '../features/network/site-detail/SiteDetailPage.js';

// ECharts and the admin pages load only when opened: village operators on phones never download them.
const CoveragePage = lazy(() => import('../features/network/coverage/CoveragePage.js').then((m) => ({ default: m.CoveragePage })));
const UsersPage = lazy(() => import('../features/identity/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/identity/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const SellersPage = lazy(() => import('../features/parties/sellers/SellersPage.js').then((m) => ({ default: m.SellersPage })));
const SellerDetailPage = lazy(() => import('../features/parties/seller-detail/SellerDetailPage.js').then((m) => ({ default: m.SellerDetailPage })));
const HouseholdsPage = lazy(() => import('../features/parties/households/HouseholdsPage.js').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdDetailPage = lazy(() => import('../features/parties/household-detail/HouseholdDetailPage.js').then((m) => ({ default: m.HouseholdDetailPage })));

export const router = createBrowserRouter([
  { path: '/login', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'welcome', element: <WelcomePage /> },
      { path: 'network/sites', element: <Guard allow={mayListSites}><SitesPage /></Guard> },
      { path: 'network/sites/:id', element: <Guard allow={maySeeNetwork}><SiteDetailPage /></Guard> },
      { path: 'network/coverage', element: <Guard allow={maySeeCoverage}><CoveragePage /></Guard> },
      { path: 'parties/sellers', element: <Guard allow={maySeeSellers}><SellersPage /></Guard> },
      { path: 'parties/sellers/:id', element: <Guard allow={maySeeSellers}><SellerDetailPage /></Guard> },
      { path: 'parties/households', element: <Guard allow={maySeeHouseholds}><HouseholdsPage /></Guard> },
      { path: 'parties/households/:id', element: <Guard allow={maySeeHouseholds}><HouseholdDetailPage /></Guard> },
      { path: 'admin/users', element: <Guard allow={isCountyAdmin}><UsersPage /></Guard> },
      { path: 'admin/audit', element: <Guard allow={isCountyAdmin}><AuditPage /></Guard> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
