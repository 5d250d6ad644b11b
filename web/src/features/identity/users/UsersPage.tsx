import { useMemo, useState } from 'react';
import { Button, Card, Flex, Input, Select, Table } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ROLES, type Role, type User } from '../../../api/auth.js';
import { useUsers } from '../../../api/identity.js';
import { useDivisions, useSites } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { userColumns } from './userColumns.js';
import { UserCreateDrawer } from './UserCreateDrawer.js';
import { UserEditDrawer } from './UserEditDrawer.js';

const KEYS = ['role', 'q'] as const;

/** Every account with its roles and scope; the county office creates accounts and changes them here. */
export function UsersPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(KEYS);
  const role = (ROLES as readonly string[]).includes(params.role ?? '') ? (params.role as Role) : undefined;
  const users = useUsers({ role, q: params.q });
  const townships = useDivisions('township');
  const sites = useSites({});
  const names = useMemo(
    () => ({ townships: new Map((townships.data ?? []).map((d) => [d.code, d.name])), sites: new Map((sites.data ?? []).map((s) => [s.id, s.name])) }),
    [townships.data, sites.data],
  );
  const [creating, setCreating] = useState(false);
  // The user stays while its drawer closes, so the drawer does not empty during the animation.
  const [editing, setEditing] = useState<{ user: User; open: boolean } | null>(null);
  const columns = useMemo(() => userColumns(t, names, (user) => setEditing({ user, open: true })), [t, names]);
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        crumbs={[{ title: t('shell.menu.admin') }, { title: t('users.title') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('users.create.button')}
          </Button>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 180 }}
            allowClear
            placeholder={t('users.filter.role')}
            value={role}
            onChange={(value?: Role) => setParams({ ...params, role: value })}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Input.Search
            key={params.q ?? ''}
            style={{ width: 260 }}
            allowClear
            maxLength={64}
            defaultValue={params.q}
            placeholder={t('users.filter.q')}
            onSearch={(q) => setParams({ ...params, q })}
          />
          {(role || params.q) && (
            <Button icon={<ReloadOutlined />} onClick={() => setParams({})}>
              {t('common.reset')}
            </Button>
          )}
        </Flex>
        {users.isError ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <>
            <Table data-testid="users-table" rowKey="id" size="middle" columns={columns} dataSource={rows} loading={users.isFetching && !users.isFetchingNextPage} pagination={false} scroll={{ x: 'max-content' }} />
            <LoadMore query={users} />
          </>
        )}
      </Card>
      <UserCreateDrawer open={creating} onClose={() => setCreating(false)} />
      {editing && <UserEditDrawer user={editing.user} open={editing.open} onClose={() => setEditing({ ...editing, open: false })} />}
    </>
  );
}
