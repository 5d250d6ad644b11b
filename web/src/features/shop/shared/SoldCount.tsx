import { Typography } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';

/** 已售 N: units paid for and not refunded; from ten thousand on, in 万. */
export function SoldCount({ units }: { units: number }) {
  const t = useT();
  const text = units >= 10_000 ? t('shop.soldWan', { count: Math.floor(units / 10_000) }) : t('shop.sold', { count: units });
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="sold-count">
      {text}
    </Typography.Text>
  );
}
