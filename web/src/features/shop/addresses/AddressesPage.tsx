import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { MAX_ADDRESSES, useAddresses, useDeleteAddress, useMakeDefault, type Address } from '../../../api/addresses.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { errorText } from '../../../app/ui/errorText.js';
import { AddressDrawer } from './AddressDrawer.js';
import { AddressLines } from './AddressLines.js';

/** 我的地址: the shopper's receivers and places, the default first; checkout starts with the default. */
export function AddressesPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const book = useAddresses();
  const remove = useDeleteAddress();
  const makeDefault = useMakeDefault();
  const [editing, setEditing] = useState<Address | 'new' | null>(null);
  const list = book.data ?? [];
  const full = list.length >= MAX_ADDRESSES;
  const failed = (err: unknown) => void message.error(errorText(err, t));

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} disabled={full} onClick={() => setEditing('new')} data-testid="add-address">
      {t('addresses.add')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('addresses.title')}
        subtitle={full ? t('addresses.full', { max: MAX_ADDRESSES }) : list.length > 0 && t('addresses.count', { count: list.length, max: MAX_ADDRESSES })}
        extra={list.length > 0 && addButton}
      />
      {book.isError ? (
        <LoadError error={book.error} onRetry={() => void book.refetch()} />
      ) : !book.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : list.length === 0 ? (
        <Card>
          <Empty description={t('addresses.empty')}>
            <Typography.Paragraph type="secondary">{t('addresses.emptyHint')}</Typography.Paragraph>
            {addButton}
          </Empty>
        </Card>
      ) : (
        <Flex vertical gap={12} data-testid="address-list">
          {list.map((a) => (
            <Card key={a.id} size="small" data-testid="address-card" styles={{ body: { paddingBottom: 8 } }}>
              <AddressLines address={a} />
              <Flex justify="flex-end" gap={4} wrap style={{ marginTop: 8 }}>
                {!a.isDefault && (
                  <Button
                    type="link"
                    size="small"
                    icon={<StarOutlined />}
                    loading={makeDefault.isPending && makeDefault.variables === a.id}
                    onClick={() => makeDefault.mutate(a.id, { onSuccess: () => void message.success(t('addresses.defaultSet')), onError: failed })}
                    data-testid="make-default"
                  >
                    {t('addresses.makeDefault')}
                  </Button>
                )}
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(a)} data-testid="edit-address">
                  {t('addresses.editShort')}
                </Button>
                <Popconfirm
                  title={t('addresses.deleteConfirm')}
                  description={a.isDefault && list.length > 1 ? t('addresses.deleteDefaultNote') : undefined}
                  okText={t('addresses.delete')}
                  okButtonProps={{ danger: true, loading: remove.isPending }}
                  onConfirm={() => remove.mutateAsync(a.id).then(() => void message.success(t('addresses.deleted')), failed)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="delete-address">
                    {t('addresses.delete')}
                  </Button>
                </Popconfirm>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      <AddressDrawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        editing={editing === 'new' || editing === null ? undefined : editing}
        prefill={{ name: user.displayName, phone: user.phone ?? '' }}
        first={list.length === 0}
      />
    </>
  );
}
