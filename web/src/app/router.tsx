import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { mayOpenScreen, maySeeIndicators, maySeeStats } from './access.js';
import { maySeeReports } from '../features/reports/access.js';
import { maySeePlayers } from '../features/players/access.js';
import { mayManageOrganisers, maySeeCourses, maySeeFollowUp, maySeeProgress, maySeeSessions, maySeeTrainees, mayRunSessions } from '../features/training/access.js';
import { maySeeConsignors, maySeeStationBooks, maySeeStationConfig, maySeeStationFigures } from '../features/stations/console/access.js';
import { hasWorkbench, isCountyAdmin, isParcelPoint, isPickupPoint, mayHandleParcels, maySeeLogistics, mayRunMarket, maySeeCoverage, maySeeHouseholds, maySeeLedger, maySeeNetwork, maySeeSellers, maySell, mayListSites, maySeeTrace } from './access.js';
import { mayUseStationPhone } from '../features/stations/phone/access.js';
import { HomeRedirect } from './HomeRedirect.js';
import { RequireAuth } from './RequireAuth.js';
import { ShopHomePage } from '../features/shop/home/ShopHomePage.js';
import { ShopLayout } from '../features/shop/layout/ShopLayout.js';
import { ShopRequireAuth } from '../features/shop/layout/ShopRequireAuth.js';

// Only the shop's frame and home are in the first download: a shopper on a 3G phone never fetches the console's
// shell, menus or sign-in page (docs/performance.md). Everything else loads when it is opened.
const AppLayout = lazy(() => import('./shell/AppLayout.js').then((m) => ({ default: m.AppLayout })));
const Guard = lazy(() => import('./Guard.js').then((m) => ({ default: m.Guard })));
const SignInPage = lazy(() => import('../features/auth/sign-in/SignInPage.js').then((m) => ({ default: m.SignInPage })));
const NotFoundPage = lazy(() => import('../features/errors/not-found/NotFoundPage.js').then((m) => ({ default: m.NotFoundPage })));
const WelcomePage = lazy(() => import('../features/home/welcome/WelcomePage.js').then((m) => ({ default: m.WelcomePage })));
const WorkbenchPage = lazy(() => import('../features/home/workbench/WorkbenchPage.js').then((m) => ({ default: m.WorkbenchPage })));
const SitesPage = lazy(() => import('../features/network/sites/SitesPage.js').then((m) => ({ default: m.SitesPage })));
const SiteDetailPage = lazy(() => import('../features/network/site-detail/SiteDetailPage.js').then((m) => ({ default: m.SiteDetailPage })));

// ECharts and the admin pages load only when opened: village operators on phones never download them.
const CoveragePage = lazy(() => import('../features/network/coverage/CoveragePage.js').then((m) => ({ default: m.CoveragePage })));
const UsersPage = lazy(() => import('../features/identity/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/identity/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const JobsPage = lazy(() => import('../features/platform/jobs/JobsPage.js').then((m) => ({ default: m.JobsPage })));
const SellersPage = lazy(() => import('../features/parties/sellers/SellersPage.js').then((m) => ({ default: m.SellersPage })));
const SellerDetailPage = lazy(() => import('../features/parties/seller-detail/SellerDetailPage.js').then((m) => ({ default: m.SellerDetailPage })));
const HouseholdsPage = lazy(() => import('../features/parties/households/HouseholdsPage.js').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdDetailPage = lazy(() => import('../features/parties/household-detail/HouseholdDetailPage.js').then((m) => ({ default: m.HouseholdDetailPage })));
const LedgerPage = lazy(() => import('../features/parties/ledger/LedgerPage.js').then((m) => ({ default: m.LedgerPage })));
const ProductsPage = lazy(() => import('../features/catalog/products/ProductsPage.js').then((m) => ({ default: m.ProductsPage })));
const BrandsPage = lazy(() => import('../features/catalog/brands/BrandsPage.js').then((m) => ({ default: m.BrandsPage })));
const SpecialtyPage = lazy(() => import('../features/catalog/specialty/SpecialtyPage.js').then((m) => ({ default: m.SpecialtyPage })));
const SellerOrdersPage = lazy(() => import('../features/orders/seller-orders/SellerOrdersPage.js').then((m) => ({ default: m.SellerOrdersPage })));
const PresalesPage = lazy(() => import('../features/orders/presales/PresalesPage.js').then((m) => ({ default: m.PresalesPage })));
const PickupOrdersPage = lazy(() => import('../features/orders/pickup-orders/PickupOrdersPage.js').then((m) => ({ default: m.PickupOrdersPage })));
const ParcelsPage = lazy(() => import('../features/logistics/parcels/ParcelsPage.js').then((m) => ({ default: m.ParcelsPage })));
const SortingPage = lazy(() => import('../features/logistics/sorting/SortingPage.js').then((m) => ({ default: m.SortingPage })));
const RunsPage = lazy(() => import('../features/logistics/runs/RunsPage.js').then((m) => ({ default: m.RunsPage })));
const RunDetailPage = lazy(() => import('../features/logistics/runs/RunDetailPage.js').then((m) => ({ default: m.RunDetailPage })));
const PromiseDashboardPage = lazy(() => import('../features/logistics/dashboard/PromiseDashboardPage.js').then((m) => ({ default: m.PromiseDashboardPage })));
const VillagePointPage = lazy(() => import('../features/logistics/point/VillagePointPage.js').then((m) => ({ default: m.VillagePointPage })));
// 站点服务: the operator's phone page (in the console's frame, kept offline) and its receipts for a 58 mm printer (no frame).
const StationPage = lazy(() => import('../features/stations/phone/StationPage.js').then((m) => ({ default: m.StationPage })));
const StationReceiptPage = lazy(() => import('../features/stations/phone/ReceiptPage.js').then((m) => ({ default: m.ReceiptPage })));
const FarmPage = lazy(() => import('../features/trace/farm/FarmPage.js').then((m) => ({ default: m.FarmPage })));
const PlotPage = lazy(() => import('../features/trace/farm/PlotPage.js').then((m) => ({ default: m.PlotPage })));
const ProducersPage = lazy(() => import('../features/trace/producers/ProducersPage.js').then((m) => ({ default: m.ProducersPage })));
const BatchesPage = lazy(() => import('../features/trace/batches/BatchesPage.js').then((m) => ({ default: m.BatchesPage })));
const BatchDetailPage = lazy(() => import('../features/trace/batch-detail/BatchDetailPage.js').then((m) => ({ default: m.BatchDetailPage })));
const RefusalsPage = lazy(() => import('../features/trace/refusals/RefusalsPage.js').then((m) => ({ default: m.RefusalsPage })));
const RecallsPage = lazy(() => import('../features/trace/recalls/RecallsPage.js').then((m) => ({ default: m.RecallsPage })));
const RecallDetailPage = lazy(() => import('../features/trace/recall-detail/RecallDetailPage.js').then((m) => ({ default: m.RecallDetailPage })));
// 统计: the data screen stands alone on the wall (no console frame); the drill-down and catalogue sit in the console.
const ScreenPage = lazy(() => import('../features/stats/screen/ScreenPage.js').then((m) => ({ default: m.ScreenPage })));
const StatsPage = lazy(() => import('../features/stats/analysis/StatsPage.js').then((m) => ({ default: m.StatsPage })));
const IndicatorsPage = lazy(() => import('../features/stats/indicators/IndicatorsPage.js').then((m) => ({ default: m.IndicatorsPage })));
const PlayersPage = lazy(() => import('../features/players/PlayersPage.js').then((m) => ({ default: m.PlayersPage })));
const PlayerDetailPage = lazy(() => import('../features/players/PlayerDetailPage.js').then((m) => ({ default: m.PlayerDetailPage })));
const PlayerReportsPage = lazy(() => import('../features/players/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));
// 电商培训: the staff pages in the console; the check-in QR stands alone on the projector.
const TrainingSessionsPage = lazy(() => import('../features/training/SessionsPage.js').then((m) => ({ default: m.SessionsPage })));
const TrainingSessionPage = lazy(() => import('../features/training/SessionDetailPage.js').then((m) => ({ default: m.SessionDetailPage })));
const TrainingQrPage = lazy(() => import('../features/training/CheckinQrPage.js').then((m) => ({ default: m.CheckinQrPage })));
const TrainingCoursesPage = lazy(() => import('../features/training/CoursesPage.js').then((m) => ({ default: m.CoursesPage })));
const TrainingTraineesPage = lazy(() => import('../features/training/TraineesPage.js').then((m) => ({ default: m.TraineesPage })));
const TrainingTraineePage = lazy(() => import('../features/training/TraineeDetailPage.js').then((m) => ({ default: m.TraineeDetailPage })));
const TrainingProgressPage = lazy(() => import('../features/training/ProgressPage.js').then((m) => ({ default: m.ProgressPage })));
const TrainingFollowUpPage = lazy(() => import('../features/training/FollowUpPage.js').then((m) => ({ default: m.FollowUpPage })));
const TrainingOrganisersPage = lazy(() => import('../features/training/OrganisersPage.js').then((m) => ({ default: m.OrganisersPage })));
const UplinkPage = lazy(() => import('../features/uplink/UplinkPage.js').then((m) => ({ default: m.UplinkPage })));
// 站点服务 in the console: figures, day books, the service ledger, grade standards, farm inputs, consignment.
const StationsOverviewPage = lazy(() => import('../features/stations/console/OverviewPage.js').then((m) => ({ default: m.OverviewPage })));
const StationsDaysPage = lazy(() => import('../features/stations/console/DaysPage.js').then((m) => ({ default: m.DaysPage })));
const StationsDayBookPage = lazy(() => import('../features/stations/console/DayBookPage.js').then((m) => ({ default: m.DayBookPage })));
const StationsRecordsPage = lazy(() => import('../features/stations/console/RecordsPage.js').then((m) => ({ default: m.RecordsPage })));
const StationsGradesPage = lazy(() => import('../features/stations/console/GradesPage.js').then((m) => ({ default: m.GradesPage })));
const StationsFarmInputsPage = lazy(() => import('../features/stations/console/FarmInputsPage.js').then((m) => ({ default: m.FarmInputsPage })));
const StationsConsignorsPage = lazy(() => import('../features/stations/console/ConsignorsPage.js').then((m) => ({ default: m.ConsignorsPage })));
const StationsStatementPage = lazy(() => import('../features/stations/console/ConsignorsPage.js').then((m) => ({ default: m.StatementPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));

// The shop (网上商城) is open to visitors; checkout and orders ask for a sign-in and come back.
const SearchPage = lazy(() => import('../features/shop/search/SearchPage.js').then((m) => ({ default: m.SearchPage })));
const CategoriesPage = lazy(() => import('../features/shop/search/CategoriesPage.js').then((m) => ({ default: m.CategoriesPage })));
const ProductPage = lazy(() => import('../features/shop/product/ProductPage.js').then((m) => ({ default: m.ProductPage })));
const PresalePage = lazy(() => import('../features/shop/presale/PresalePage.js').then((m) => ({ default: m.PresalePage })));
const CartPage = lazy(() => import('../features/shop/cart/CartPage.js').then((m) => ({ default: m.CartPage })));
const ShopSignInPage = lazy(() => import('../features/shop/sign-in/ShopSignInPage.js').then((m) => ({ default: m.ShopSignInPage })));
const CheckoutPage = lazy(() => import('../features/shop/checkout/CheckoutPage.js').then((m) => ({ default: m.CheckoutPage })));
const MyOrdersPage = lazy(() => import('../features/shop/orders/MyOrdersPage.js').then((m) => ({ default: m.MyOrdersPage })));
const OrderDetailPage = lazy(() => import('../features/shop/order-detail/OrderDetailPage.js').then((m) => ({ default: m.OrderDetailPage })));
const AddressesPage = lazy(() => import('../features/shop/addresses/AddressesPage.js').then((m) => ({ default: m.AddressesPage })));

// 学习培训: the trainee's phone pages (enrol, QR check-in, online courses, certificates), in their own small frame.
const LearnLayout = lazy(() => import('../features/training/learn/LearnLayout.js').then((m) => ({ default: m.LearnLayout })));
const LearnHomePage = lazy(() => import('../features/training/learn/LearnHomePage.js').then((m) => ({ default: m.LearnHomePage })));
const CheckinPage = lazy(() => import('../features/training/learn/CheckinPage.js').then((m) => ({ default: m.CheckinPage })));
const CoursePage = lazy(() => import('../features/training/learn/CoursePage.js').then((m) => ({ default: m.CoursePage })));

export const router = createBrowserRouter([
  { path: '/login', element: <SignInPage /> },
  {
    path: '/screen',
    element: (
      <RequireAuth>
        <Guard allow={mayOpenScreen}>
          <ScreenPage />
        </Guard>
      </RequireAuth>
    ),
  },
  {
    path: '/learn',
    element: <LearnLayout />,
    children: [
      { index: true, element: <LearnHomePage /> },
      { path: 'checkin/:sessionId', element: <CheckinPage /> },
      { path: 'courses/:id', element: <CoursePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/station/receipts/:clientId',
    element: (
      <RequireAuth>
        <Guard allow={mayUseStationPhone}>
          <StationReceiptPage />
        </Guard>
      </RequireAuth>
    ),
  },
  {
    path: '/training/sessions/:id/qr',
    element: (
      <RequireAuth>
        <Guard allow={mayRunSessions}>
          <TrainingQrPage />
        </Guard>
      </RequireAuth>
    ),
  },
  {
    path: '/shop',
    element: <ShopLayout />,
    children: [
      { index: true, element: <ShopHomePage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'categories', element: <CategoriesPage /> },
      { path: 'products/:id', element: <ProductPage /> },
      { path: 'presales/:id', element: <PresalePage /> },
      { path: 'cart', element: <CartPage /> },
      { path: 'login', element: <ShopSignInPage /> },
      { path: 'checkout', element: <ShopRequireAuth><CheckoutPage /></ShopRequireAuth> },
      { path: 'orders', element: <ShopRequireAuth><MyOrdersPage /></ShopRequireAuth> },
      { path: 'orders/:id', element: <ShopRequireAuth><OrderDetailPage /></ShopRequireAuth> },
      { path: 'addresses', element: <ShopRequireAuth><AddressesPage /></ShopRequireAuth> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
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
      { path: 'workbench', element: <Guard allow={hasWorkbench}><WorkbenchPage /></Guard> },
      { path: 'network/sites', element: <Guard allow={mayListSites}><SitesPage /></Guard> },
      { path: 'network/sites/:id', element: <Guard allow={maySeeNetwork}><SiteDetailPage /></Guard> },
      { path: 'network/coverage', element: <Guard allow={maySeeCoverage}><CoveragePage /></Guard> },
      { path: 'network/pickup-orders', element: <Guard allow={isPickupPoint}><PickupOrdersPage /></Guard> },
      { path: 'sales/products', element: <Guard allow={maySell}><ProductsPage /></Guard> },
      { path: 'sales/orders', element: <Guard allow={maySell}><SellerOrdersPage /></Guard> },
      { path: 'sales/presales', element: <Guard allow={maySell}><PresalesPage /></Guard> },
      { path: 'market/brands', element: <Guard allow={mayRunMarket}><BrandsPage /></Guard> },
      { path: 'market/specialty', element: <Guard allow={mayRunMarket}><SpecialtyPage /></Guard> },
      { path: 'parties/ledger', element: <Guard allow={maySeeLedger}><LedgerPage /></Guard> },
      { path: 'parties/sellers', element: <Guard allow={maySeeSellers}><SellersPage /></Guard> },
      { path: 'parties/sellers/:id', element: <Guard allow={maySeeSellers}><SellerDetailPage /></Guard> },
      { path: 'parties/households', element: <Guard allow={maySeeHouseholds}><HouseholdsPage /></Guard> },
      { path: 'parties/households/:id', element: <Guard allow={maySeeHouseholds}><HouseholdDetailPage /></Guard> },
      { path: 'logistics/parcels', element: <Guard allow={mayHandleParcels}><ParcelsPage /></Guard> },
      { path: 'logistics/sorting', element: <Guard allow={mayHandleParcels}><SortingPage /></Guard> },
      { path: 'logistics/runs', element: <Guard allow={maySeeLogistics}><RunsPage /></Guard> },
      { path: 'logistics/runs/:id', element: <Guard allow={maySeeLogistics}><RunDetailPage /></Guard> },
      { path: 'logistics/promise', element: <Guard allow={maySeeLogistics}><PromiseDashboardPage /></Guard> },
      { path: 'logistics/point', element: <Guard allow={isParcelPoint}><VillagePointPage /></Guard> },
      { path: 'station', element: <Guard allow={mayUseStationPhone}><StationPage /></Guard> },
      { path: 'trace/farm', element: <Guard allow={maySeeTrace}><FarmPage /></Guard> },
      { path: 'trace/farm/:plotId', element: <Guard allow={maySeeTrace}><PlotPage /></Guard> },
      { path: 'trace/producers', element: <Guard allow={maySeeTrace}><ProducersPage /></Guard> },
      { path: 'trace/batches', element: <Guard allow={maySeeTrace}><BatchesPage /></Guard> },
      { path: 'trace/batches/:id', element: <Guard allow={maySeeTrace}><BatchDetailPage /></Guard> },
      { path: 'trace/refusals', element: <Guard allow={maySeeTrace}><RefusalsPage /></Guard> },
      { path: 'trace/recalls', element: <Guard allow={maySeeTrace}><RecallsPage /></Guard> },
      { path: 'trace/recalls/:id', element: <Guard allow={maySeeTrace}><RecallDetailPage /></Guard> },
      { path: 'trace/complaints', element: <Guard allow={maySeeTrace}><RecallsPage initialTab="complaints" /></Guard> },
      { path: 'stats', element: <Guard allow={maySeeStats}><StatsPage /></Guard> },
      { path: 'stats/indicators', element: <Guard allow={maySeeIndicators}><IndicatorsPage /></Guard> },
      { path: 'stats/players', element: <Guard allow={maySeePlayers}><PlayersPage /></Guard> },
      { path: 'stats/players/:id', element: <Guard allow={maySeePlayers}><PlayerDetailPage /></Guard> },
      { path: 'stats/player-reports', element: <Guard allow={maySeePlayers}><PlayerReportsPage /></Guard> },
      { path: 'training/sessions', element: <Guard allow={maySeeSessions}><TrainingSessionsPage /></Guard> },
      { path: 'training/sessions/:id', element: <Guard allow={maySeeSessions}><TrainingSessionPage /></Guard> },
      { path: 'training/courses', element: <Guard allow={maySeeCourses}><TrainingCoursesPage /></Guard> },
      { path: 'training/trainees', element: <Guard allow={maySeeTrainees}><TrainingTraineesPage /></Guard> },
      { path: 'training/trainees/:id', element: <Guard allow={maySeeTrainees}><TrainingTraineePage /></Guard> },
      { path: 'training/progress', element: <Guard allow={maySeeProgress}><TrainingProgressPage /></Guard> },
      { path: 'training/follow-up', element: <Guard allow={maySeeFollowUp}><TrainingFollowUpPage /></Guard> },
      { path: 'training/organisers', element: <Guard allow={mayManageOrganisers}><TrainingOrganisersPage /></Guard> },
      { path: 'uplink', element: <Guard allow={isCountyAdmin}><UplinkPage /></Guard> },
      { path: 'stations', element: <Guard allow={maySeeStationFigures}><StationsOverviewPage /></Guard> },
      { path: 'stations/days', element: <Guard allow={maySeeStationBooks}><StationsDaysPage /></Guard> },
      { path: 'stations/days/:siteId/:day', element: <Guard allow={maySeeStationBooks}><StationsDayBookPage /></Guard> },
      { path: 'stations/records', element: <Guard allow={maySeeStationBooks}><StationsRecordsPage /></Guard> },
      { path: 'stations/grades', element: <Guard allow={maySeeStationConfig}><StationsGradesPage /></Guard> },
      { path: 'stations/farm-inputs', element: <Guard allow={maySeeStationConfig}><StationsFarmInputsPage /></Guard> },
      { path: 'stations/consignors', element: <Guard allow={maySeeConsignors}><StationsConsignorsPage /></Guard> },
      { path: 'stations/consignors/:id', element: <Guard allow={maySeeConsignors}><StationsStatementPage /></Guard> },
      { path: 'reports', element: <Guard allow={maySeeReports}><ReportsPage /></Guard> },
      { path: 'admin/users', element: <Guard allow={isCountyAdmin}><UsersPage /></Guard> },
      { path: 'admin/audit', element: <Guard allow={isCountyAdmin}><AuditPage /></Guard> },
      { path: 'admin/jobs', element: <Guard allow={isCountyAdmin}><JobsPage /></Guard> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
