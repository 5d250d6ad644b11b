import type { MenuProps } from 'antd';
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  CrownOutlined,
  DollarOutlined,
  FireOutlined,
  ProfileOutlined,
  ShoppingCartOutlined,
  TagsOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarOutlined,
  ContainerOutlined,
  FieldTimeOutlined,
  InboxOutlined,
  ScanOutlined,
  ContactsOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  EnvironmentOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  BarcodeOutlined,
  FileSearchOutlined,
  AlertOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  LineChartOutlined,
  ReadOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  ShopOutlined as PlayerShopsOutlined,
  BookOutlined,
  CalendarOutlined,
  IdcardOutlined,
  RiseOutlined,
  StarOutlined,
  BankOutlined,
  ShopOutlined as StationsOutlined,
  PieChartOutlined,
  CalculatorOutlined,
  ExperimentOutlined,
  TransactionOutlined,
} from '@ant-design/icons';
import type { User } from '../../api/auth.js';
import { hasWorkbench, isCountyAdmin, isParcelPoint, isPickupPoint, mayHandleParcels, maySeeLogistics, mayRunMarket, maySeeCoverage, maySeeHouseholds, maySeeLedger, maySeeSellers, maySell, mayListSites, maySeeTrace, ownSiteId, mayOpenScreen, maySeeIndicators, maySeeStats } from '../access.js';
import { maySeeReports } from '../../features/reports/access.js';
import { mayUseStationPhone } from '../../features/stations/phone/access.js';
import { maySeePlayers } from '../../features/players/access.js';
import { mayManageOrganisers, maySeeCourses, maySeeFollowUp, maySeeProgress, maySeeSessions, maySeeTrainees } from '../../features/training/access.js';
import { maySeeConsignors, maySeeStationBooks, maySeeStationConfig, maySeeStationFigures } from '../../features/stations/console/access.js';
import type { Translate } from '../locale/LocaleContext.js';
import { JobsMenuLabel } from '../../features/platform/jobs/JobsMenuLabel.js';

type Item = Required<MenuProps>['items'][number];

/** The menu shows only what the user's roles may use. Keys are the paths they open. */
export function menuItems(user: User, t: Translate): Item[] {
  const items: Item[] = [];
  if (hasWorkbench(user)) items.push({ key: '/workbench', icon: <DashboardOutlined />, label: t('shell.menu.workbench') });
  const network: Item[] = [];
  if (mayListSites(user)) network.push({ key: '/network/sites', icon: <UnorderedListOutlined />, label: t('shell.menu.sites') });
  const own = ownSiteId(user);
  if (!mayListSites(user) && user.roles.includes('village_operator') && own) {
    network.push({ key: `/network/sites/${own}`, icon: <ShopOutlined />, label: t('shell.menu.mySite') });
  }
  if (maySeeCoverage(user)) network.push({ key: '/network/coverage', icon: <BarChartOutlined />, label: t('shell.menu.coverage') });
  if (isPickupPoint(user)) network.push({ key: '/network/pickup-orders', icon: <DollarOutlined />, label: t('shell.menu.pickupOrders') });
  if (mayUseStationPhone(user)) network.push({ key: '/station', icon: <ShopOutlined />, label: t('station.title') });
  if (network.length > 0) items.push({ key: 'network', icon: <ApartmentOutlined />, label: t('shell.menu.network'), children: network });

  const parties: Item[] = [];
  if (maySeeSellers(user)) parties.push({ key: '/parties/sellers', icon: <SolutionOutlined />, label: t('shell.menu.sellers') });
  if (maySeeHouseholds(user)) parties.push({ key: '/parties/households', icon: <ContactsOutlined />, label: t('shell.menu.households') });
  if (maySeeLedger(user)) parties.push({ key: '/parties/ledger', icon: <AccountBookOutlined />, label: t('shell.menu.ledger') });
  if (parties.length > 0) items.push({ key: 'parties', icon: <ShoppingOutlined />, label: t('shell.menu.parties'), children: parties });

  if (maySell(user)) {
    items.push({
      key: 'sales',
      icon: <AppstoreOutlined />,
      label: t('shell.menu.sales'),
      children: [
        { key: '/sales/products', icon: <TagsOutlined />, label: t('shell.menu.products') },
        { key: '/sales/orders', icon: <ProfileOutlined />, label: t('shell.menu.sellerOrders') },
        { key: '/sales/presales', icon: <FireOutlined />, label: t('shell.menu.presales') },
      ],
    });
  }
  // 质量追溯: one line an entry; every key sits under /trace/.
  const trace: Item[] = [];
  if (maySeeTrace(user)) trace.push({ key: '/trace/farm', icon: <ScheduleOutlined />, label: t('shell.menu.traceFarm') });
  if (maySeeTrace(user)) trace.push({ key: '/trace/producers', icon: <EnvironmentOutlined />, label: t('shell.menu.traceProducers') });
  if (maySeeTrace(user)) trace.push({ key: '/trace/batches', icon: <BarcodeOutlined />, label: t('shell.menu.traceBatches') });
  if (maySeeTrace(user)) trace.push({ key: '/trace/refusals', icon: <FileSearchOutlined />, label: t('shell.menu.traceRefusals') });
  if (maySeeTrace(user)) trace.push({ key: '/trace/recalls', icon: <AlertOutlined />, label: t('shell.menu.traceRecalls') });
  if (trace.length > 0) items.push({ key: 'trace', icon: <SafetyOutlined />, label: t('shell.menu.trace'), children: trace });

  const logistics: Item[] = [];
  if (isParcelPoint(user)) logistics.push({ key: '/logistics/point', icon: <InboxOutlined />, label: t('shell.menu.point') });
  if (mayHandleParcels(user)) {
    logistics.push({ key: '/logistics/parcels', icon: <ContainerOutlined />, label: t('shell.menu.parcels') });
    logistics.push({ key: '/logistics/sorting', icon: <ScanOutlined />, label: t('shell.menu.sorting') });
  }
  if (maySeeLogistics(user)) {
    logistics.push({ key: '/logistics/runs', icon: <CarOutlined />, label: t('shell.menu.runs') });
    logistics.push({ key: '/logistics/promise', icon: <FieldTimeOutlined />, label: t('shell.menu.promise') });
  }
  if (logistics.length > 0) items.push({ key: 'logistics', icon: <CarOutlined />, label: t('shell.menu.logistics'), children: logistics });

  // 统计: the drill-down, the data screen (opens full screen, outside the console) and the catalogue.
  const stats: Item[] = [];
  if (maySeeStats(user)) stats.push({ key: '/stats', icon: <LineChartOutlined />, label: t('shell.menu.statsAnalysis') });
  if (mayOpenScreen(user)) stats.push({ key: '/screen', icon: <FundProjectionScreenOutlined />, label: t('shell.menu.screen') });
  if (maySeeIndicators(user)) stats.push({ key: '/stats/indicators', icon: <ReadOutlined />, label: t('shell.menu.indicators') });
  if (maySeePlayers(user)) stats.push({ key: '/stats/players', icon: <PlayerShopsOutlined />, label: t('shell.menu.players') });
  if (maySeePlayers(user)) stats.push({ key: '/stats/player-reports', icon: <FileDoneOutlined />, label: t('shell.menu.playerReports') });
  if (maySeeReports(user)) stats.push({ key: '/reports', icon: <FileTextOutlined />, label: t('shell.menu.reports') });
  if (isCountyAdmin(user)) stats.push({ key: '/uplink', icon: <CloudUploadOutlined />, label: t('shell.menu.uplink') });
  if (stats.length > 0) items.push({ key: 'stats', icon: <FundOutlined />, label: t('shell.menu.stats'), children: stats });

  // 电商培训: one line an entry; every key sits under /training/.
  const training: Item[] = [];
  if (maySeeSessions(user)) training.push({ key: '/training/sessions', icon: <CalendarOutlined />, label: t('shell.menu.trainingSessions') });
  if (maySeeCourses(user)) training.push({ key: '/training/courses', icon: <BookOutlined />, label: t('shell.menu.trainingCourses') });
  if (maySeeTrainees(user)) training.push({ key: '/training/trainees', icon: <IdcardOutlined />, label: t('shell.menu.trainingTrainees') });
  if (maySeeProgress(user)) training.push({ key: '/training/progress', icon: <RiseOutlined />, label: t('shell.menu.trainingProgress') });
  if (maySeeFollowUp(user)) training.push({ key: '/training/follow-up', icon: <StarOutlined />, label: t('shell.menu.trainingFollowUp') });
  if (mayManageOrganisers(user)) training.push({ key: '/training/organisers', icon: <BankOutlined />, label: t('shell.menu.trainingOrganisers') });
  if (training.length > 0) items.push({ key: 'training', icon: <ReadOutlined />, label: t('shell.menu.training'), children: training });

  // 站点服务: one line an entry; every key sits under /stations/ (the operator's phone page /station is under 服务网络).
  const stations: Item[] = [];
  if (maySeeStationFigures(user)) stations.push({ key: '/stations', icon: <PieChartOutlined />, label: t('shell.menu.stationsOverview') });
  if (maySeeStationBooks(user)) stations.push({ key: '/stations/days', icon: <CalculatorOutlined />, label: t('shell.menu.stationsDays') });
  if (maySeeStationBooks(user)) stations.push({ key: '/stations/records', icon: <ProfileOutlined />, label: t('shell.menu.stationsRecords') });
  if (maySeeStationConfig(user)) stations.push({ key: '/stations/grades', icon: <TagsOutlined />, label: t('shell.menu.stationsGrades') });
  if (maySeeStationConfig(user)) stations.push({ key: '/stations/farm-inputs', icon: <ExperimentOutlined />, label: t('shell.menu.stationsFarmInputs') });
  if (maySeeConsignors(user)) stations.push({ key: '/stations/consignors', icon: <TransactionOutlined />, label: t('shell.menu.stationsConsignors') });
  if (stations.length > 0) items.push({ key: 'stations', icon: <StationsOutlined />, label: t('shell.menu.stations'), children: stations });

  if (mayRunMarket(user)) {
    items.push({
      key: 'market',
      icon: <CrownOutlined />,
      label: t('shell.menu.market'),
      children: [
        { key: '/market/brands', icon: <SafetyCertificateOutlined />, label: t('shell.menu.brands') },
        { key: '/market/specialty', icon: <CrownOutlined />, label: t('shell.menu.specialty') },
      ],
    });
  }
  // The shop is for everyone: a county officer buys as anyone does.
  items.push({ key: '/shop', icon: <ShoppingCartOutlined />, label: t('shell.menu.shop') });

  if (isCountyAdmin(user)) {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('shell.menu.admin'),
      children: [
        { key: '/admin/users', icon: <TeamOutlined />, label: t('shell.menu.users') },
        { key: '/admin/audit', icon: <AuditOutlined />, label: t('shell.menu.audit') },
        { key: '/admin/jobs', icon: <ClockCircleOutlined />, label: <JobsMenuLabel /> },
      ],
    });
  }
  return items;
}

/** The menu entry a path belongs to: the longest key that is a prefix of it. */
export function selectedKey(items: Item[], pathname: string): string | undefined {
  const keys: string[] = [];
  const walk = (list: Item[]) => {
    for (const item of list) {
      if (!item || !('key' in item)) continue;
      if ('children' in item && item.children) walk(item.children as Item[]);
      else if (typeof item.key === 'string' && item.key.startsWith('/')) keys.push(item.key);
    }
  };
  walk(items);
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}
