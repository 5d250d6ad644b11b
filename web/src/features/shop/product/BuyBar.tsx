import type { ReactNode } from 'react';
import { Badge, Flex, theme } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/locale/LocaleContext.js';
import { cartCount, useCart } from '../cart/cartStore.js';
import { BOTTOM_BAR_HEIGHT } from '../layout/shopTabs.js';

/**
 * The product page's buy bar on a phone: fixed to the bottom above the phone's own home bar (safe area), in place
 * of the tab bar, which the page hides; the cart stays one tap away at its left.
 */
export function BuyBar({ children }: { children: ReactNode }) {
  const t = useT();
  const { token } = theme.useToken();
  const count = cartCount(useCart());
  const corner = (to: string, icon: ReactNode, label: string, testId: string, badge?: number) => (
    <Link to={to} style={{ flex: 'none', width: 48, color: token.colorTextSecondary }} data-testid={testId}>
      <Flex vertical align="center" gap={0} style={{ fontSize: 11 }}>
        <Badge count={badge} size="small" offset={[4, 0]}>
          <span style={{ fontSize: 20, color: token.colorTextSecondary }}>{icon}</span>
        </Badge>
        {label}
      </Flex>
    </Link>
  );
  return (
    <Flex
      align="center"
      gap={8}
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        zIndex: 100,
        height: `calc(${BOTTOM_BAR_HEIGHT}px + env(safe-area-inset-bottom))`,
        padding: '0 10px env(safe-area-inset-bottom) 6px',
        background: '#fff',
        borderTop: `1px solid ${token.colorBorderSecondary}`,
        boxShadow: '0 -2px 8px rgba(0,0,0,0.04)',
      }}
      data-testid="buy-bar"
    >
      {corner('/shop/cart', <ShoppingCartOutlined />, t('shop.product.cart'), 'buy-bar-cart', count)}
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
    </Flex>
  );
}
