import { Badge, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { User } from '../../../api/auth.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';

const ROLE_COLOR: Record<string, string> = {
  county_admin: 'red',
  township_operator: 'blue',
  village_operator: 'cyan',
  merchant: 'green',
  courier: 'orange',
  regulator: 'purple',
  trainer: 'gold',
  consumer: 'default',
};

export function userColumns(t: Translate, townshipNames: Map<string, string>): TableColumnsType<User> {
  return [
    {
      key: 'username',
      title: t('users.col.username'),
      dataIndex: 'username',
      width: 170,
      fixed: 'left',
      render: (username: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {username}
        </Typography.Text>
      ),
    },
    {
      key: 'displayName',
      title: t('users.col.displayName'),
      dataIndex: 'displayName',
      width: 200,
      render: (name: string, u) => (
        <Space size={6}>
          {name}
          {u.isDemo && <Tag style={{ marginInlineEnd: 0 }}>{t('users.demo')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'roles',
      title: t('users.col.roles'),
      width: 170,
      render: (_: unknown, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((r) => (
            <Tag key={r} color={ROLE_COLOR[r]} style={{ marginInlineEnd: 0 }}>
              {t(`role.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'scope',
      title: t('users.col.scope'),
      width: 200,
      render: (_: unknown, u) => {
        if (u.scope.kind === 'county') return t('scope.county');
        if (u.scope.kind === 'township') return `${t('scope.township')}：${townshipNames.get(u.scope.id) ?? u.scope.id}`;
        return (
          <span>
            {t('scope.site')}：<Link to={`/network/sites/${u.scope.id}`}>{u.scope.id}</Link>
          </span>
        );
      },
    },
    { key: 'phone', title: t('users.col.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
    {
      key: 'status',
      title: t('users.col.status'),
      width: 100,
      render: (_: unknown, u) => {
        if (u.status === 'disabled') return <Badge status="default" text={t('users.status.disabled')} />;
        if (u.lockedUntil && new Date(u.lockedUntil) > new Date()) return <Badge status="warning" text={t('users.status.locked')} />;
        return <Badge status="success" text={t('users.status.active')} />;
      },
    },
    { key: 'createdAt', title: t('users.col.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
  ];
}
