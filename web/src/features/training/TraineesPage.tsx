import { useMemo, useState } from 'react';
import { Card, Checkbox, Empty, Flex, Input, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useDivisions, useVillages } from '../../api/network.js';
import { useTrainees, type Trainee } from '../../api/training.js';
import { useT, type Translate } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { LoadMore } from '../../app/ui/LoadMore.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { FlagTags } from './labels.js';

const KEYS = ['q', 'township', 'village', 'poor'] as const;
const ID_LIKE = /^\d{17}[\dXx]$/;

function columns(t: Translate): TableColumnsType<Trainee> {
  return [
    { key: 'name', title: t('roster.col.name'), width: 110, render: (_: unknown, r) => <Link to={`/training/trainees/${r.id}`} data-testid="trainee-link">{r.name}</Link> },
    { key: 'idNumber', title: t('roster.col.idNumber'), dataIndex: 'idNumber', width: 190, render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text> },
    { key: 'phone', title: t('roster.col.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { key: 'place', title: t('roster.col.place'), width: 170, render: (_: unknown, r) => [r.townshipName, r.villageName].filter(Boolean).join(' ') || '—' },
    { key: 'flags', title: t('roster.col.flags'), width: 220, render: (_: unknown, r) => <FlagTags of={r} /> },
    { key: 'account', title: t('trainee.account'), width: 90, render: (_: unknown, r) => (r.claimed ? t('trainee.accountClaimed') : t('trainee.accountNone')) },
  ];
}

/** 学员: found by name or a whole ID number (the server matches its fingerprint), township, village, registered poor. */
export function TraineesPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const typed = params.q?.trim();
  const trainees = useTrainees({
    // A whole ID number is matched by its fingerprint on the server; anything else is part of a name.
    q: typed && ID_LIKE.test(typed) ? typed.toUpperCase() : typed,
    township: params.township,
    village: params.village,
    poor: params.poor === '1' ? true : undefined,
  });
  const townships = useDivisions('township');
  const villages = useVillages(params.township);
  const cols = useMemo(() => columns(t), [t]);
  const rows = trainees.data?.pages.flatMap((p) => p.items) ?? [];
  const [q, setQ] = useState(params.q ?? '');
  const villageOnly = user.roles.includes('village_operator') && !user.roles.some((r) => r === 'county_admin' || r === 'township_operator');
  const townshipFixed = villageOnly || (user.roles.includes('township_operator') && !user.roles.includes('county_admin'));

  return (
    <>
      <PageHeader title={t('training.trainees.title')} subtitle={t('training.trainees.subtitle')} crumbs={[{ title: t('shell.menu.training') }, { title: t('training.trainees.title') }]} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
          <Input.Search
            allowClear
            placeholder={t('training.trainees.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setParams({ ...params, q: value || undefined })}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="trainees-search"
          />
          {!townshipFixed && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('training.sessions.townshipAll')}
              value={params.township}
              onChange={(value?: string) => setParams({ ...params, township: value, village: undefined })}
              options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              style={{ width: 150 }}
            />
          )}
          {!villageOnly && params.township && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('enrol.village')}
              value={params.village}
              onChange={(value?: string) => setParams({ ...params, village: value })}
              options={(villages.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              style={{ width: 170 }}
            />
          )}
          <Checkbox checked={params.poor === '1'} onChange={(e) => setParams({ ...params, poor: e.target.checked ? '1' : undefined })}>
            {t('training.trainees.poorOnly')}
          </Checkbox>
        </Flex>
        {trainees.isError ? (
          <LoadError error={trainees.error} onRetry={() => void trainees.refetch()} />
        ) : (
          <>
            <ResponsiveTable<Trainee>
              data-testid="trainees-table"
              rowKey="id"
              size="middle"
              columns={cols}
              dataSource={rows}
              loading={trainees.isFetching && !trainees.isFetchingNextPage}
              pagination={false}
              scroll={{ x: 920 }}
              locale={{ emptyText: trainees.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.trainees.empty')} /> }}
            />
            <LoadMore query={trainees} />
          </>
        )}
      </Card>
    </>
  );
}
