import { Tag } from 'antd';
import { HARVEST_UNITS, type Crop, type HarvestUnit } from '../../../api/trace-farm.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';

const CROP_COLOR: Record<Crop, string> = { apple: 'red', walnut: 'gold', pepper: 'green', other: 'default' };

/** 苹果, 核桃, 青花椒 as a coloured tag. */
export function CropTag({ crop }: { crop: Crop }) {
  const t = useT();
  return (
    <Tag color={CROP_COLOR[crop]} style={{ marginInlineEnd: 0 }} data-testid="crop-tag">
      {t(`trace.crop.${crop}`)}
    </Tag>
  );
}

/** The unit as people say it: kg, 斤, 吨 (an unknown unit as the server spells it). */
export function unitLabel(t: Translate, unit: string): string {
  return (HARVEST_UNITS as readonly string[]).includes(unit) ? t(`trace.unit.${unit as HarvestUnit}`) : unit;
}

/** 1200 kg, 300 斤. */
export const formatQuantity = (t: Translate, quantity: number, unit: string) => `${quantity.toLocaleString('zh-CN', { maximumFractionDigits: 3 })} ${unitLabel(t, unit)}`;

/** An area in 亩 without trailing zeros: 2.50 → 2.5 亩. */
export const formatMu = (mu: number) => mu.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
