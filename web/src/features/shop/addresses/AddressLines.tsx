import { Flex, Tag, Typography } from 'antd';
import type { Address } from '../../../api/addresses.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useCountyName } from '../../../app/shell/useCountyName.js';

/** Where an address is, in words: 乐红镇 乐红村, or "鲁甸县以外（310101）" for a county elsewhere. */
export function usePlaceText() {
  const t = useT();
  const county = useCountyName() ?? '';
  return (a: Address) => {
    if (!a.inCounty) return t('addresses.outside', { county, code: a.divisionCode });
    return a.villageName ? `${a.townshipName ?? ''} ${a.villageName}`.trim() : t('addresses.placeGone');
  };
}

/** An address as two lines: receiver and phone (with 默认), then the place and the street. */
export function AddressLines({ address }: { address: Address }) {
  const t = useT();
  const place = usePlaceText();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong data-testid="address-name">
          {address.name}
        </Typography.Text>
        <Typography.Text>{address.phone}</Typography.Text>
        {address.isDefault && (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="address-default">
            {t('addresses.default')}
          </Tag>
        )}
      </Flex>
      <Typography.Text type="secondary" data-testid="address-place">
        {place(address)} · {address.address}
      </Typography.Text>
    </Flex>
  );
}
