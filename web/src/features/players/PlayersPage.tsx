import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Input, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useDivisions } from '../../api/network.js';
import { PLAYER_KINDS, usePlayers, type Player, type PlayerKind } from '../../api/players.js';
import { useT, type Translate } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { LoadMore } from '../../app/ui/LoadMore.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { mayRegisterPlayers } from './access.js';
import { PlayerKindTag } from './labels.js';
import { PlayerRegisterDrawer } from './PlayerRegisterDrawer.js';

const KEYS = ['q', 'kind', 'township'] as const;

function columns(t: Translate): TableColumnsType<Player> {
  return [
    { key: 'name', title: t('players.col.name'), dataIndex: 'name', width: 260, render: (name: string, p) => <Link to={`/stats/players/${p.id}`} data-testid="player-link">{name}</Link> },
    { key: 'kind', title: t('players.col.kind'), dataIndex: 'kind', width: 130, render: (kind: PlayerKind) => <PlayerKindTag kind={kind} /> },
    { key: 'place', title: t('players.col.place'), width: 170, render: (_: unknown, p) => [p.townshipName, p.villageName].filter(Boolean).join(' ') },
    { key: 'creditCode', title: t('players.col.creditCode'), dataIndex: 'creditCode', width: 190, render: (code: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{code}</Typography.Text> },
    {
      key: 'contact',
      title: t('players.col.contact'),
      width: 140,
      render: (_: unknown, p) => (
        <Flex vertical>
          <span>{p.contactName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.contactPhone}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'shops', title: t('players.col.shops'), dataIndex: 'shopCount', width: 90, render: (n: number) => t('players.shopCount', { count: n }) },
  ];
}

/** 市场主体: search by name or credit code, filter by kind and township; cards on a phone. */
export function PlayersPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const kind = (PLAYER_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as PlayerKind) : undefined;
  const players = usePlayers({ q: params.q || undefined, kind, townshipCode: params.township || undefined });
  const townships = useDivisions('township');
  const cols = useMemo(() => columns(t), [t]);
  const rows = players.data?.pages.flatMap((p) => p.items) ?? [];
  const [registering, setRegistering] = useState(false);
  const [q, setQ] = useState(params.q ?? '');

  return (
    <>
      <PageHeader
        title={t('players.title')}
        subtitle={t('players.subtitle')}
        crumbs={[{ title: t('shell.menu.stats') }, { title: t('players.title') }]}
        extra={
          mayRegisterPlayers(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-player">
              {t('players.register')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('players.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setParams({ ...params, q: value || undefined })}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="players-search"
          />
          <Select
            allowClear
            placeholder={t('players.kindAll')}
            value={kind}
            onChange={(value?: string) => setParams({ ...params, kind: value })}
            options={PLAYER_KINDS.map((k) => ({ value: k, label: t(`playerKind.${k}`) }))}
            style={{ width: 170 }}
          />
          <Select
            allowClear
            placeholder={t('players.townshipAll')}
            value={params.township}
            onChange={(value?: string) => setParams({ ...params, township: value })}
            options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            style={{ width: 170 }}
          />
        </Flex>
        {players.isError ? (
          <LoadError error={players.error} onRetry={() => void players.refetch()} />
        ) : (
          <>
            <ResponsiveTable<Player>
              data-testid="players-table"
              rowKey="id"
              size="middle"
              columns={cols}
              dataSource={rows}
              loading={players.isFetching && !players.isFetchingNextPage}
              pagination={false}
              scroll={{ x: 980 }}
              locale={{ emptyText: players.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('players.empty')} /> }}
            />
            <LoadMore query={players} />
          </>
        )}
      </Card>
      {mayRegisterPlayers(user) && <PlayerRegisterDrawer open={registering} onClose={() => setRegistering(false)} />}
    </>
  );
}
