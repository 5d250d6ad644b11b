import { App, Badge, Button, Empty, Popconfirm, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLicences, useRevokeLicence, type Brand, type Licence } from '../../../api/catalog.js';
import { useAllSellers } from '../../../api/parties.js';
import { formatDateTime, todayInShanghai } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { LoadError } from '../../../app/ui/LoadError.js';

/** 有效 green, 已撤销 red, 已过期 / 未生效 grey. */
function LicenceState({ licence }: { licence: Licence }) {
  const t = useT();
  if (licence.inForce) return <Badge status="success" text={t('licence.state.inForce')} />;
  if (licence.revokedAt) return <Badge status="error" text={t('licence.state.revoked')} />;
  return <Badge status="default" text={t(licence.validFrom > todayInShanghai() ? 'licence.state.future' : 'licence.state.expired')} />;
}

/** The brand's licences, newest first, each revocable while it has not been revoked. */
export function LicenceTable({ brand }: { brand: Brand }) {
  const t = useT();
  const licences = useLicences(brand.id);
  const sellers = useAllSellers();
  const revoke = useRevokeLicence();
  const { message } = App.useApp();
  const sellerName = (id: string) => (sellers.data ? (sellers.data.find((s) => s.id === id)?.name ?? t('partyNames.sellerUnknown')) : '');

  const columns: TableColumnsType<Licence> = [
    { key: 'seller', title: t('licence.field.seller'), dataIndex: 'sellerId', width: 240, render: (id: string) => sellerName(id) },
    { key: 'no', title: t('licence.field.no'), dataIndex: 'licenceNo', width: 150, render: (no: string) => <span style={{ fontFamily: 'monospace' }}>{no}</span> },
    { key: 'validity', title: t('licence.field.validity'), width: 210, render: (_: unknown, l) => `${l.validFrom} – ${l.validTo}` },
    { key: 'state', title: t('sellers.col.status'), width: 170, render: (_: unknown, l) => (
      <>
        <LicenceState licence={l} />
        {l.revokedAt && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(l.revokedAt)}</div>}
      </>
    ) },
    {
      key: 'actions',
      title: t('link.col.actions'),
      width: 100,
      render: (_: unknown, l) =>
        !l.revokedAt && (
          <Popconfirm
            title={t('licence.revoke.title')}
            description={t('licence.revoke.body', { seller: sellerName(l.sellerId), brand: brand.name })}
            okText={t('licence.revoke.ok')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutateAsync(l.id).then(
                () => void message.success(t('licence.revoke.done')),
                (error: unknown) => void message.error(errorText(error, t)),
              )
            }
          >
            <Button type="link" danger size="small" data-testid="revoke-licence">
              {t('licence.revoke.button')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  if (licences.isError) return <LoadError error={licences.error} onRetry={() => void licences.refetch()} />;
  return (
    <Table
      data-testid="licences-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={licences.data ?? []}
      loading={licences.isFetching}
      pagination={false}
      scroll={{ x: 870 }}
      locale={{ emptyText: licences.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licence.empty')} /> }}
    />
  );
}
