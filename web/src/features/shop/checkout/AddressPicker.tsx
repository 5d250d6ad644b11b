import { Button, Drawer, Flex, Grid, Radio } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Address } from '../../../api/addresses.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { AddressLines } from '../addresses/AddressLines.js';

interface Props {
  open: boolean;
  onClose: () => void;
  book: Address[];
  chosenId: string | undefined;
  onChoose: (id: string) => void;
  onNew: () => void;
}

/** 选择收货地址: the saved addresses to tap one of (from the bottom on a phone), or a new one. */
export function AddressPicker({ open, onClose, book, chosenId, onChoose, onNew }: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      title={t('checkout.address.choose')}
      open={open}
      onClose={onClose}
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 480 : '75%'}
      footer={
        <Flex justify="space-between" gap={8}>
          <Link to="/shop/addresses">
            <Button icon={<SettingOutlined />}>{t('checkout.address.manage')}</Button>
          </Link>
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={onNew} data-testid="new-address">
            {t('checkout.address.new')}
          </Button>
        </Flex>
      }
    >
      <Radio.Group value={chosenId} onChange={(e) => onChoose(e.target.value as string)} style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="address-choices">
        {book.map((a) => (
          <div key={a.id} data-testid="address-choice">
            <Radio value={a.id} style={{ alignItems: 'flex-start' }}>
              <AddressLines address={a} />
            </Radio>
          </div>
        ))}
      </Radio.Group>
    </Drawer>
  );
}
