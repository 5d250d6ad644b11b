import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../locale/LocaleContext.js';

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="32" height="32" rx="7" fill="#1677ff" />
      <path d="M8 22V12l8-5 8 5v10h-5v-6h-6v6z" fill="#fff" />
    </svg>
  );
}

/** The mark and short name at the top of the sider. */
export function Logo({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  return (
    <Link to="/">
      <Flex align="center" justify={collapsed ? 'center' : 'flex-start'} gap={10} style={{ height: 56, padding: collapsed ? 0 : '0 20px', overflow: 'hidden' }}>
        <LogoMark />
        {!collapsed && (
          <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: 15 }}>
            {t('app.short')}
          </Typography.Text>
        )}
      </Flex>
    </Link>
  );
}
