import { Suspense, useEffect } from 'react';
import { Avatar, Dropdown, Flex, Layout, Typography, theme } from 'antd';
import { AppstoreOutlined, HomeOutlined, LogoutOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useMe } from '../../../api/auth.js';
import { isShopperOnly } from '../../../app/access.js';
import { maskPhone } from '../../../app/phone.js';
import { LangSwitch } from '../../../app/locale/LangSwitch.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { SessionWatcher } from '../../../app/shell/SessionWatcher.js';
import { useCountyName } from '../../../app/shell/useCountyName.js';
import { DemoBanner } from '../../../app/ui/DemoBanner.js';
import { FullPageSpin } from '../../../app/ui/FullPageSpin.js';
import { LogoMark } from '../../../app/ui/Logo.js';
import { ShopRequireAuth } from '../../shop/layout/ShopRequireAuth.js';
import { useSignOutToShop } from '../../shop/layout/useSignOutToShop.js';

const { Header, Content } = Layout;
/** A phone's width and a little more: the pages are read on a villager's phone. */
export const LEARN_WIDTH = 640;

/** 13812345678 → 138****5678 in the menu (it is seen over the shoulder). */

function LearnUserMenu() {
  const t = useT();
  const user = useMe().data;
  const navigate = useNavigate();
  const onSignOut = useSignOutToShop();
  if (!user) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', disabled: true, label: <Typography.Text type="secondary">{[user.displayName, maskPhone(user.phone)].filter(Boolean).join(' · ')}</Typography.Text> },
          { type: 'divider' },
          { key: 'home', icon: <HomeOutlined />, label: t('learn.home'), onClick: () => void navigate('/learn') },
          { key: 'shop', icon: <ShopOutlined />, label: t('learn.toShop'), onClick: () => void navigate('/shop') },
          ...(isShopperOnly(user) ? [] : [{ key: 'console', icon: <AppstoreOutlined />, label: t('learn.console'), onClick: () => void navigate('/') }]),
          { key: 'signOut', icon: <LogoutOutlined />, label: t('learn.signOut'), onClick: onSignOut },
        ],
      }}
    >
      <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff', cursor: 'pointer', flex: 'none' }} data-testid="learn-user-menu" />
    </Dropdown>
  );
}

/**
 * 学习培训, the trainee's phone frame: the county's name, the language, the account; the page below. Every page needs
 * an account: a visitor signs in with a texted code (the shop's sign-in) and comes back to the same address.
 */
export function LearnLayout() {
  const t = useT();
  const { token } = theme.useToken();
  const county = useCountyName();
  const title = county ? `${county} · ${t('learn.title')}` : t('learn.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Header style={{ position: 'sticky', top: 0, zIndex: 10, padding: 0, height: 52, lineHeight: '52px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Flex align="center" gap={10} style={{ maxWidth: LEARN_WIDTH, margin: '0 auto', height: '100%', padding: '0 12px' }}>
          <Link to="/learn" style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0, flex: 1 }} data-testid="learn-home-link">
            <LogoMark size={26} />
            <Typography.Text strong ellipsis style={{ fontSize: 15 }}>
              {title}
            </Typography.Text>
          </Link>
          <LangSwitch size="small" />
          <LearnUserMenu />
        </Flex>
      </Header>
      <DemoBanner />
      <Content style={{ width: '100%', maxWidth: LEARN_WIDTH, margin: '0 auto', padding: 12 }}>
        <ShopRequireAuth>
          <SessionWatcher />
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </ShopRequireAuth>
      </Content>
    </Layout>
  );
}
