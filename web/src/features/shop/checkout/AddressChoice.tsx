import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Skeleton, Typography } from 'antd';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { MAX_ADDRESSES, type Address } from '../../../api/addresses.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { AddressLines } from '../addresses/AddressLines.js';
import { AddressPicker } from './AddressPicker.js';
import { ShipToFields } from './ShipToFields.js';

interface Props {
  /** The address book; undefined while it loads. */
  book: Address[] | undefined;
  /** The saved address the order goes to; none: a new one typed here. */
  chosen: Address | undefined;
  /** An address of the book, or null for a new one. */
  onChoose: (id: string | null) => void;
}

/**
 * 收货信息 at checkout: the default address (tap to choose another), or a new one typed here and saved to the book
 * with the order.
 */
export function AddressChoice({ book, chosen, onChoose }: Props) {
  const t = useT();
  const [picking, setPicking] = useState(false);
  if (!book) return <Skeleton active paragraph={{ rows: 2 }} />;

  const picker = (
    <AddressPicker
      open={picking}
      onClose={() => setPicking(false)}
      book={book}
      chosenId={chosen?.id}
      onChoose={(id) => {
        onChoose(id);
        setPicking(false);
      }}
      onNew={() => {
        onChoose(null);
        setPicking(false);
      }}
    />
  );
  if (chosen) {
    return (
      <>
        <Flex align="center" gap={12} onClick={() => setPicking(true)} style={{ cursor: 'pointer' }} data-testid="chosen-address">
          <EnvironmentOutlined style={{ fontSize: 20, color: '#cf1322', flex: 'none' }} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <AddressLines address={chosen} />
          </div>
          <Button type="link" size="small" style={{ flex: 'none', paddingInline: 0 }} data-testid="change-address">
            {t('checkout.address.change')} <RightOutlined />
          </Button>
        </Flex>
        {picker}
      </>
    );
  }
  const full = book.length >= MAX_ADDRESSES;
  return (
    <>
      {book.length > 0 && (
        <Button type="link" style={{ paddingInline: 0, marginBottom: 8 }} onClick={() => setPicking(true)} data-testid="use-saved-address">
          {t('checkout.address.useSaved')}
        </Button>
      )}
      <ShipToFields />
      <Form.Item name="saveAddress" valuePropName="checked" style={{ marginBottom: 0 }} extra={full ? t('addresses.full', { max: MAX_ADDRESSES }) : undefined}>
        <Checkbox disabled={full} data-testid="save-address-too">
          <Typography.Text>{t('checkout.address.save')}</Typography.Text>
        </Checkbox>
      </Form.Item>
      {picker}
    </>
  );
}
