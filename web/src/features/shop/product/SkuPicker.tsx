import { Flex, Radio, Typography } from 'antd';
import type { Sku } from '../../../api/catalog.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** The product's specifications as buttons: 250克 / 袋 · ¥38.00; one sold out cannot be chosen. */
export function SkuPicker({ skus, value, onChange }: { skus: Sku[]; value?: string; onChange: (skuId: string) => void }) {
  const t = useT();
  return (
    <Radio.Group value={value} onChange={(e) => onChange(e.target.value as string)} data-testid="sku-picker" style={{ width: '100%' }}>
      <Flex wrap gap={8}>
        {skus
          .filter((s) => s.active)
          .map((s) => (
            <Radio.Button key={s.id} value={s.id} disabled={s.available <= 0} style={{ height: 'auto', lineHeight: 1.4, padding: '6px 12px', borderRadius: 6 }} data-testid="sku-option">
              <span style={{ display: 'block' }}>
                {s.spec} / {s.unit}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.available > 0 ? formatFen(s.priceFen) : t('shop.product.soldOut')}
              </Typography.Text>
            </Radio.Button>
          ))}
      </Flex>
    </Radio.Group>
  );
}
