import { Badge, Flex, theme } from 'antd';
import { AppstoreOutlined, HomeOutlined, ProfileOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../../../app/locale/LocaleContext.js';
import { cartCount, useCart } from '../cart/cartStore.js';

export const BOTTOM_NAV_HEIGHT = 56;

/** The phone's tab bar: home, browse, cart (with its count), my orders. */
export function BottomNav() {
  const t = useT();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const count = cartCount(useCart());
  const tabs = [
    { to: '/shop', icon: <HomeOutlined />, label: t('shop.nav.home'), active: pathname === '/shop' },
    { to: '/shop/search', icon: <AppstoreOutlined />, label: t('shop.nav.browse'), active: pathname.startsWith('/shop/search') },
    { to: '/shop/cart', icon: <ShoppingCartOutlined />, label: t('shop.nav.cart'), active: pathname.startsWith('/shop/cart') || pathname.startsWith('/shop/checkout'), badge: count },
    { to: '/shop/orders', icon: <ProfileOutlined />, label: t('shop.nav.orders'), active: pathname.startsWith('/shop/orders') },
  ];
  return (
    <Flex
      component="nav"
      style={{ position: 'fixed', insetInline: 0, bottom: 0, height: BOTTOM_NAV_HEIGHT, background: '#fff', borderTop: `1px solid ${token.colorBorderSecondary}`, zIndex: 100, paddingBottom: 'env(safe-area-inset-bottom)' }}
      data-testid="bottom-nav"
    >
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} style={{ flex: 1, color: tab.active ? token.colorPrimary : token.colorTextSecondary }} data-testid={`nav-${tab.to.split('/')[2] ?? 'home'}`}>
          <Flex vertical align="center" justify="center" gap={2} style={{ height: '100%', fontSize: 11 }}>
            <Badge count={tab.badge} size="small" offset={[6, 0]}>
              <span style={{ fontSize: 20, color: tab.active ? token.colorPrimary : token.colorTextSecondary }}>{tab.icon}</span>
            </Badge>
            {tab.label}
          </Flex>
        </Link>
      ))}
    </Flex>
  );
}
