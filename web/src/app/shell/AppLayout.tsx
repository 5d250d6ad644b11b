import { Suspense, useEffect, useMemo, useState } from 'react';
import { Button, Flex, Grid, Layout, Menu, Typography, theme } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LangSwitch } from '../locale/LangSwitch.js';
import { useT } from '../locale/LocaleContext.js';
import { useUser } from '../session.js';
import { DemoBanner } from '../ui/DemoBanner.js';
import { FullPageSpin } from '../ui/FullPageSpin.js';
import { Logo } from '../ui/Logo.js';
import { mainMenuGroups } from './mainMenuGroups.js';
import { menuItems, selectedKey } from './menuItems.js';
import { SessionWatcher } from './SessionWatcher.js';
import { useCountyName } from './useCountyName.js';
import { UserMenu } from './UserMenu.js';

const { Header, Sider, Content, Footer } = Layout;
const SIDER_WIDTH = 232;

/** The signed-in console: dark sider menu, header with platform name, language and user, the page below. */
export function AppLayout() {
  const user = useUser();
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const mobile = screens.lg === false;
  const [collapsed, setCollapsed] = useState(false);
  const county = useCountyName();

  const items = useMemo(() => menuItems(user, t), [user, t]);
  const selected = selectedKey(items, pathname);
  const platform = county ? `${county} · ${t('app.name')}` : t('app.name');

  useEffect(() => {
    document.title = platform;
  }, [platform]);

  // On a phone the menu slides over the page and closes after a choice.
  useEffect(() => setCollapsed(mobile), [mobile]);
  // At full width the role's own groups are open (its day's work), the others folded until asked for; a folded
  // menu opens them as pop-ups on hover.
  // By value: a session read again (a new user object, the same roles) must not fold a group the user just opened.
  const mainGroupsKey = mainMenuGroups(user).join('|');
  const mainGroups = useMemo(() => (mainGroupsKey ? mainGroupsKey.split('|') : []), [mainGroupsKey]);
  const [openKeys, setOpenKeys] = useState<string[]>(mainGroups);
  useEffect(() => setOpenKeys(collapsed ? [] : mainGroups), [collapsed, mainGroups]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SessionWatcher />
      <Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        collapsedWidth={mobile ? 0 : 64}
        trigger={null}
        width={SIDER_WIDTH}
        style={{ position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: mobile ? 1001 : 20, overflow: 'auto' }}
      >
        <Logo collapsed={collapsed && !mobile} />
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          openKeys={openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => {
            if (key.startsWith('/')) void navigate(key);
            if (mobile) setCollapsed(true);
          }}
        />
      </Sider>
      {mobile && !collapsed && <div onClick={() => setCollapsed(true)} style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.45)', zIndex: 1000 }} />}
      <Layout style={{ marginInlineStart: mobile ? 0 : collapsed ? 64 : SIDER_WIDTH, transition: 'margin-inline-start 0.2s' }}>
        <Header style={{ position: 'sticky', top: 0, zIndex: 10, display: 'flex', alignItems: 'center', gap: 12, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Button
            type="text"
            aria-label="menu"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            style={{ fontSize: 16, flex: 'none' }}
          />
          <Typography.Text strong ellipsis style={{ fontSize: mobile ? 15 : 16, flex: 1, minWidth: 0 }} data-testid="platform-name">
            {mobile ? (county ?? t('app.name')) : platform}
          </Typography.Text>
          <Flex align="center" gap={mobile ? 8 : 16} style={{ flex: 'none' }}>
            <LangSwitch size="small" />
            <UserMenu compact={mobile} />
          </Flex>
        </Header>
        <DemoBanner />
        <Content style={{ padding: mobile ? 12 : 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px 20px', fontSize: 12 }}>{t('app.footer')}</Footer>
      </Layout>
    </Layout>
  );
}
