import { Suspense, useEffect } from 'react';
import { Badge, Button, Flex, Grid, Layout, Typography, theme } from 'antd';
import { ProfileOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../../api/auth.js';
import { LangSwitch } from '../../../app/locale/LangSwitch.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { SessionWatcher } from '../../../app/shell/SessionWatcher.js';
import { useCountyName } from '../../../app/shell/useCountyName.js';
import { DemoBanner } from '../../../app/ui/DemoBanner.js';
import { FullPageSpin } from '../../../app/ui/FullPageSpin.js';
import { LogoMark } from '../../../app/ui/Logo.js';
import { cartCount, useCart } from '../cart/cartStore.js';
import { BottomNav } from './BottomNav.js';
import { BOTTOM_BAR_HEIGHT, hidesTabBar } from './shopTabs.js';
import { ShopUserMenu } from './ShopUserMenu.js';

const { Header, Content, Footer } = Layout;
export const SHOP_WIDTH = 1200;

/** The shop's frame, for visitors and buyers alike: mark and name, cart and orders, the page; a tab bar on phones. */
export function ShopLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const county = useCountyName();
  const signedIn = !!useMe().data;
  const count = cartCount(useCart());
  const title = county ? `${county} · ${t('shop.name')}` : t('shop.name');

  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      {signedIn && <SessionWatcher />}
      <Header style={{ position: 'sticky', top: 0, zIndex: 10, padding: 0, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Flex align="center" gap={12} style={{ maxWidth: SHOP_WIDTH, margin: '0 auto', height: '100%', padding: mobile ? '0 12px' : '0 24px' }}>
          <Link to="/shop" style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0, flex: 1 }} data-testid="shop-home-link">
            <LogoMark size={28} />
            <Typography.Text strong ellipsis style={{ fontSize: mobile ? 15 : 17 }} data-testid="shop-name">
              {title}
            </Typography.Text>
          </Link>
          <Flex align="center" gap={mobile ? 8 : 16} style={{ flex: 'none' }}>
            <LangSwitch size="small" />
            {!mobile && (
              <>
                <Button type="text" icon={<ProfileOutlined />} onClick={() => void navigate('/shop/orders')}>
                  {t('shop.myOrders')}
                </Button>
                <Badge count={count} size="small">
                  <Button icon={<ShoppingCartOutlined />} onClick={() => void navigate('/shop/cart')} data-testid="header-cart">
                    {t('shop.nav.cart')}
                  </Button>
                </Badge>
              </>
            )}
            <ShopUserMenu compact={mobile} />
          </Flex>
        </Flex>
      </Header>
      <DemoBanner />
      <Content style={{ width: '100%', maxWidth: SHOP_WIDTH, margin: '0 auto', padding: mobile ? 12 : 24 }}>
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </Content>
      <Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px 20px', fontSize: 12, marginBottom: mobile ? `calc(${BOTTOM_BAR_HEIGHT}px + env(safe-area-inset-bottom))` : 0 }}>
        {t('app.footer')}
      </Footer>
      {/* A product page puts its buy bar where the tab bar would be. */}
      {mobile && !hidesTabBar(pathname) && <BottomNav />}
    </Layout>
  );
}
