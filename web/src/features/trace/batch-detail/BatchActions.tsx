import { useState } from 'react';
import { Button, Flex, Tooltip } from 'antd';
import { ForkOutlined, InboxOutlined, ShopOutlined } from '@ant-design/icons';
import type { BatchView } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PackModal } from './PackModal.js';
import { SplitModal } from './SplitModal.js';
import { StockModal } from './StockModal.js';

type Open = 'split' | 'pack' | 'stock' | null;

/** 拆分, 装箱赋码 and 关联商品入库 for those who keep the batch; a recalled batch is frozen, a held one is neither split nor stocked. */
export function BatchActions({ batch }: { batch: BatchView }) {
  const t = useT();
  const [open, setOpen] = useState<Open>(null);
  const frozen = batch.status === 'recalled';
  const close = () => setOpen(null);
  const hint = frozen ? t('traceBatch.frozen') : undefined;
  const held = !frozen && batch.held;
  const heldHint = hint ?? (held ? t('traceBatch.heldHint') : undefined);
  return (
    <>
      <Flex gap={8} wrap>
        <Tooltip title={heldHint ?? (batch.quantityLeft <= 0 ? t('traceBatch.split.nothingLeft') : undefined)}>
          <Button icon={<ForkOutlined />} disabled={frozen || held || batch.quantityLeft <= 0} onClick={() => setOpen('split')} data-testid="batch-split">
            {t('traceBatch.split.button')}
          </Button>
        </Tooltip>
        <Tooltip title={hint}>
          <Button icon={<InboxOutlined />} disabled={frozen} onClick={() => setOpen('pack')} data-testid="batch-pack">
            {t('traceBatch.pack.button')}
          </Button>
        </Tooltip>
        <Tooltip title={heldHint}>
          <Button type="primary" icon={<ShopOutlined />} disabled={frozen || held} onClick={() => setOpen('stock')} data-testid="batch-stock">
            {t('traceBatch.stock.button')}
          </Button>
        </Tooltip>
      </Flex>
      {open === 'split' && <SplitModal batch={batch} onClose={close} />}
      {open === 'pack' && <PackModal batch={batch} onClose={close} />}
      {open === 'stock' && <StockModal batch={batch} onClose={close} />}
    </>
  );
}
