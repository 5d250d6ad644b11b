import type { ReactNode } from 'react';
import { Badge, Flex, theme } from 'antd';
import { AppstoreOutlined, HomeOutlined, ProfileOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../../../app/locale/LocaleContext.js';
import { cartCount, useCart } from '../cart/cartStore.js';
import { activeTab, BOTTOM_BAR_HEIGHT, type ShopTab } from './shopTabs.js';

/** The phone's tab bar: home, categories, cart (with its count), my orders; the current page's tab lit. */
export function BottomNav() {
  const t = useT();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const count = cartCount(useCart());
  const current = activeTab(pathname);
  const tabs: { tab: ShopTab; to: string; icon: ReactNode; label: string; badge?: number }[] = [
    { tab: 'home', to: '/shop', icon: <HomeOutlined />, label: t('shop.nav.home') },
    { tab: 'categories', to: '/shop/categories', icon: <AppstoreOutlined />, label: t('shop.nav.categories') },
    { tab: 'cart', to: '/shop/cart', icon: <ShoppingCartOutlined />, label: t('shop.nav.cart'), badge: count },
    { tab: 'orders', to: '/shop/orders', icon: <ProfileOutlined />, label: t('shop.nav.orders') },
  ];
  return (
    <Flex
      component="nav"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        height: `calc(${BOTTOM_BAR_HEIGHT}px + env(safe-area-inset-bottom))`,
        background: '#fff',
        borderTop: `1px solid ${token.colorBorderSecondary}`,
        zIndex: 100,
        paddingBottom: 'env(safe-area-inset-bottom)',
      }}
      data-testid="bottom-nav"
    >
      {tabs.map((tab) => {
        const active = tab.tab === current;
        const colour = active ? token.colorPrimary : token.colorTextSecondary;
        return (
          <Link key={tab.tab} to={tab.to} aria-current={active ? 'page' : undefined} style={{ flex: 1, color: colour }} data-testid={`nav-${tab.tab}`}>
            <Flex vertical align="center" justify="center" gap={2} style={{ height: BOTTOM_BAR_HEIGHT, fontSize: 11 }}>
              <Badge count={tab.badge} size="small" offset={[6, 0]}>
                <span style={{ fontSize: 20, color: colour }}>{tab.icon}</span>
              </Badge>
              {tab.label}
            </Flex>
          </Link>
        );
      })}
    </Flex>
  );
}
