import { useMemo, useState } from 'react';
import { Button, Card, Empty, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { usePackages, type BatchView, type PackageLevel, type PackageView } from '../../../api/trace-batches.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { mono, rowTestId } from '../batches/batchLabels.js';

/** Why a code looks copied, in the dictionary's words. */
function warningText(t: Translate, p: PackageView): string {
  if (p.warningKind === 'many_places') return t('traceBatch.packages.copiedNetworks', { count: String(p.places) });
  if (p.warningKind === 'many_scans') return t('traceBatch.packages.copiedScans', { count: String(p.scans) });
  return p.warning ?? '';
}

function columns(t: Translate, onTrace: (serial: string) => void): TableColumnsType<PackageView> {
  return [
    { key: 'serial', title: t('traceBatch.packages.serial'), dataIndex: 'serial', width: 220, render: (s: string) => <span style={mono}>{s}</span> },
    { key: 'parent', title: t('traceBatch.packages.carton'), dataIndex: 'parentSerial', width: 200, render: (s: string | null) => (s ? <span style={mono}>{s}</span> : '—') },
    { key: 'scans', title: t('traceBatch.packages.scans'), dataIndex: 'scans', width: 80, align: 'right' },
    { key: 'places', title: t('traceBatch.packages.places'), dataIndex: 'places', width: 90, align: 'right' },
    { key: 'last', title: t('traceBatch.packages.lastScanAt'), dataIndex: 'lastScanAt', width: 170, render: (at: string | null) => formatDateTime(at) },
    {
      key: 'warning',
      title: t('traceBatch.packages.warning'),
      dataIndex: 'warning',
      render: (w: string | null, p) =>
        w ? (
          <Typography.Text type="danger" strong data-testid="package-warning">
            <WarningFilled /> {warningText(t, p)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'trace',
      width: 80,
      render: (_: unknown, p) => (
        <Button type="link" size="small" onClick={() => onTrace(p.serial)}>
          {t('traceBatch.packages.trace')}
        </Button>
      ),
    },
  ];
}

/** 箱码与单品码: each label with how often and from how many places it was scanned; a copied code shows in red. */
export function PackagesCard({ batch, onTrace }: { batch: BatchView; onTrace: (serial: string) => void }) {
  const t = useT();
  const packed = batch.cartons + batch.units > 0;
  const [level, setLevel] = useState<PackageLevel>(batch.cartons > 0 || batch.units === 0 ? 'carton' : 'unit');
  const packages = usePackages(batch.id, level, packed);
  const rows = useMemo(() => packages.data?.pages.flatMap((p) => p.items) ?? [], [packages.data]);
  const cols = useMemo(() => columns(t, onTrace), [t, onTrace]);
  const warned = rows.filter((p) => p.warning).length;

  return (
    <Card
      title={t('traceBatch.packages.title')}
      style={{ marginBottom: 16 }}
      extra={
        packed && (
          <Segmented<PackageLevel>
            value={level}
            onChange={setLevel}
            options={[
              { value: 'carton', label: t('traceBatch.packages.cartons', { count: batch.cartons }), disabled: batch.cartons === 0 },
              { value: 'unit', label: t('traceBatch.packages.units', { count: batch.units }), disabled: batch.units === 0 },
            ]}
            data-testid="packages-level"
          />
        )
      }
    >
      {!packed ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceBatch.packages.none')} />
      ) : packages.isError ? (
        <LoadError error={packages.error} onRetry={() => void packages.refetch()} />
      ) : (
        <>
          {warned > 0 && (
            <Typography.Paragraph type="danger" data-testid="packages-warned">
              <WarningFilled /> {t('traceBatch.packages.warned', { count: warned })}
            </Typography.Paragraph>
          )}
          <Table
            data-testid="packages-table"
            size="small"
            rowKey="id"
            columns={cols}
            dataSource={rows}
            loading={packages.isFetching && !packages.isFetchingNextPage}
            pagination={false}
            scroll={{ x: 1000 }}
            onRow={(p) => ({ ...rowTestId('package-row'), style: p.warning ? { background: '#fff1f0' } : undefined })}
          />
          <LoadMore query={packages} />
        </>
      )}
    </Card>
  );
}
