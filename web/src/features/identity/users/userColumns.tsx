import { Badge, Button, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
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

interface Names {
  townships: Map<string, string>;
  sites: Map<string, string>;
}

/** User name, display name, roles, scope by name, masked phone, status, created; and 编辑 for each row. */
export function userColumns(t: Translate, names: Names, onEdit: (user: User) => void): TableColumnsType<User> {
  return [
    {
      key: 'username',
      title: t('users.col.username'),
      dataIndex: 'username',
      width: 150,
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
      width: 150,
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
      width: 170,
      render: (_: unknown, u) => {
        if (u.scope.kind === 'county') return t('scope.county');
        if (u.scope.kind === 'township') return `${t('scope.township')}：${names.townships.get(u.scope.id) ?? u.scope.id}`;
        return (
          <span>
            {t('scope.site')}：<Link to={`/network/sites/${u.scope.id}`}>{names.sites.get(u.scope.id) ?? u.scope.id}</Link>
          </span>
        );
      },
    },
    // As the server sends it: masked (138****5678) for everyone but its owner.
    { key: 'phone', title: t('users.col.phone'), dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? '—' },
    {
      key: 'status',
      title: t('users.col.status'),
      width: 90,
      render: (_: unknown, u) => {
        if (u.status === 'disabled') return <Badge status="default" text={t('users.status.disabled')} />;
        return <Badge status="success" text={t('users.status.active')} />;
      },
    },
    { key: 'createdAt', title: t('users.col.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => formatDateTime(at) },
    {
      key: 'actions',
      title: t('users.col.actions'),
      width: 76,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(u)} data-testid="edit-user" style={{ paddingInline: 0 }}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}
