import { Tag } from 'antd';
import type { ProducerKind } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** 商户 or 农户. */
export function ProducerKindTag({ kind }: { kind: ProducerKind }) {
  const t = useT();
  return (
    <Tag color={kind === 'seller' ? 'blue' : 'green'} style={{ marginInlineEnd: 0 }}>
      {t(`trace.producerKind.${kind}`)}
    </Tag>
  );
}
