import type { HTMLAttributes } from 'react';
import { Space, Tag, Tooltip } from 'antd';
import type { BatchView, TraceCrop } from '../../../api/trace-batches.js';
import { formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** Props that mark a table row for browser tests (antd's onRow). */
export const rowTestId = (testId: string) => ({ 'data-testid': testId }) as HTMLAttributes<HTMLElement>;

const UNITS = ['kg', 'jin', 't'] as const;

/** kg → 公斤; units the dictionary does not know are shown as sent. */
export const unitName = (t: Translate, unit: string) => ((UNITS as readonly string[]).includes(unit) ? t(`traceBatch.unit.${unit as (typeof UNITS)[number]}`) : unit);

/** 1250 kg → "1,250 公斤". */
export const quantityText = (t: Translate, quantity: number, unit: string) => `${formatNumber(quantity, 2)} ${unitName(t, unit)}`;

export const cropName = (t: Translate, crop: TraceCrop | string) =>
  crop === 'apple' || crop === 'walnut' || crop === 'pepper' || crop === 'other' ? t(`traceBatch.crop.${crop}`) : crop;

/** 已召回 in red; held for the regulator's review in red; 特批采收 (a regulator's override) in orange; otherwise 正常. */
export function BatchStatusTag({ batch }: { batch: Pick<BatchView, 'status' | 'overridden' | 'hold'> }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {batch.status === 'recalled' ? (
        <Tag color="red" data-testid="batch-recalled">
          {t('traceBatch.status.recalled')}
        </Tag>
      ) : batch.hold ? null : (
        <Tag color="green">{t('traceBatch.status.active')}</Tag>
      )}
      {batch.hold && (
        <Tag color={batch.hold === 'upheld' ? 'red' : 'volcano'} data-testid="batch-held">
          {t(`traceBatch.hold.${batch.hold}`)}
        </Tag>
      )}
      {batch.overridden && (
        <Tooltip title={t('traceBatch.overriddenHint')}>
          <Tag color="orange">{t('traceBatch.overridden')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** How a batch came to be: harvest, split off, merged. */
export function OriginTag({ origin }: { origin: string }) {
  const t = useT();
  if (origin === 'split') return <Tag color="blue">{t('traceBatch.origin.split')}</Tag>;
  if (origin === 'merge') return <Tag color="purple">{t('traceBatch.origin.merge')}</Tag>;
  return <Tag>{t('traceBatch.origin.harvest')}</Tag>;
}
