import { useState } from 'react';
import { Button, Flex, InputNumber, Typography } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';

interface Props {
  min?: string;
  max?: string;
  onApply: (range: { min?: string; max?: string }) => void;
}

/** A price range in yuan (the lowest price of each product counts). */
export function PriceFilter({ min, max, onApply }: Props) {
  const t = useT();
  const [low, setLow] = useState<number | null>(min ? Number(min) : null);
  const [high, setHigh] = useState<number | null>(max ? Number(max) : null);
  const text = (v: number | null) => (v === null || v === undefined ? undefined : String(v));
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('shop.filter.price')}
      </Typography.Text>
      <Flex gap={6} align="center" wrap>
        <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" value={low} onChange={setLow} placeholder={t('shop.filter.priceMin')} style={{ width: 110 }} data-testid="price-min" />
        <span>–</span>
        <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" value={high} onChange={setHigh} placeholder={t('shop.filter.priceMax')} style={{ width: 110 }} data-testid="price-max" />
        <Button onClick={() => onApply(low !== null && high !== null && low > high ? { min: text(high), max: text(low) } : { min: text(low), max: text(high) })} data-testid="price-apply">
          {t('shop.filter.apply')}
        </Button>
      </Flex>
    </div>
  );
}
