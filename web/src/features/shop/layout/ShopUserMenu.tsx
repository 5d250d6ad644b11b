import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { AppstoreOutlined, EnvironmentOutlined, LoginOutlined, LogoutOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../../api/auth.js';
import { isShopperOnly } from '../../../app/access.js';
import { maskPhone } from '../../../app/phone.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useSignOutToShop } from './useSignOutToShop.js';

/** 13812345678 → 138****5678: the menu is seen over the shopper's shoulder too. */

/** Signed out: 登录 with a texted code (and back here after). Signed in: my orders, the console for roles that have one, sign out. */
export function ShopUserMenu({ compact }: { compact: boolean }) {
  const t = useT();
  const user = useMe().data;
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const onSignOut = useSignOutToShop();

  if (!user) {
    // The sign-in page itself needs no button to it.
    if (pathname === '/shop/login') return null;
    return (
      <Button type="primary" size="small" icon={<LoginOutlined />} onClick={() => void navigate(`/shop/login?next=${encodeURIComponent(pathname + search)}`)} data-testid="shop-sign-in">
        {t('shop.signIn')}
      </Button>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          // A shopper knows their account by name and phone; the made-up user name means nothing to them.
          { key: 'who', disabled: true, label: <Typography.Text type="secondary">{[user.displayName, maskPhone(user.phone)].filter(Boolean).join(' · ')}</Typography.Text> },
          { type: 'divider' },
          { key: 'orders', icon: <ProfileOutlined />, label: t('shop.myOrders'), onClick: () => void navigate('/shop/orders') },
          { key: 'addresses', icon: <EnvironmentOutlined />, label: <span data-testid="menu-addresses">{t('addresses.title')}</span>, onClick: () => void navigate('/shop/addresses') },
          ...(isShopperOnly(user) ? [] : [{ key: 'console', icon: <AppstoreOutlined />, label: t('shop.console'), onClick: () => void navigate('/') }]),
          { key: 'signOut', icon: <LogoutOutlined />, label: t('shell.signOut'), onClick: onSignOut },
        ],
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer', minWidth: 0 }} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff', flex: 'none' }} />
        {!compact && (
          <Typography.Text strong ellipsis style={{ maxWidth: 140 }}>
            {user.displayName}
          </Typography.Text>
        )}
      </Flex>
    </Dropdown>
  );
}
