import { Card, Statistic, Typography, theme } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { WorkbenchItem } from '../../../api/workbench.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { FIGURES_ONLY, ITEM_LINKS } from './workbenchLinks.js';

/** The units below which a SKU is 库存不足 (the server's LOW_STOCK_UNITS). */
const LOW_STOCK_UNITS = 10;

/**
 * One count: its name, the number (orange while work waits, unless the block only informs), what it counts, and a
 * link to where it is done.
 */
export function WorkbenchItemCard({ item, informs = false }: { item: WorkbenchItem; informs?: boolean }) {
  const t = useT();
  const { token } = theme.useToken();
  const waiting = item.count > 0 && !informs && !FIGURES_ONLY.has(item.key);
  const hint = t(`workbench.item.${item.key}.hint`, { amount: formatFen(item.amountFen ?? 0), units: LOW_STOCK_UNITS });
  return (
    <Link to={ITEM_LINKS[item.key]} data-testid={`workbench-item-${item.key}`} aria-label={`${t(`workbench.item.${item.key}`)} ${item.count}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { padding: '14px 16px' } }}>
        <Statistic
          title={t(`workbench.item.${item.key}`)}
          value={item.count}
          styles={{ content: { color: waiting ? token.colorWarning : undefined, fontSize: 28 } }}
          valueRender={(node) => <span data-testid={`workbench-count-${item.key}`}>{node}</span>}
          suffix={<RightOutlined style={{ fontSize: 12, color: token.colorTextTertiary }} />}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      </Card>
    </Link>
  );
}
