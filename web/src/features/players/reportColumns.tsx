import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Report } from '../../api/players.js';
import { formatDateTime, formatFen, formatNumber } from '../../app/format.js';
import type { Translate } from '../../app/locale/LocaleContext.js';
import { ReportFlags } from './labels.js';

/** Month, shop (and player when several players show), figures, version, source, who and when, flags. */
export function reportColumns(t: Translate, opts: { player?: boolean; reasons?: boolean } = {}): TableColumnsType<Report> {
  return [
    { key: 'month', title: t('report.col.month'), dataIndex: 'month', width: 100 },
    {
      key: 'shop',
      title: t('report.col.shop'),
      width: 220,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{`${t(`platform.${r.platform}`)} · ${r.shopName}`}</span>
          {opts.player && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.playerName}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'sales', title: t('report.col.sales'), dataIndex: 'salesFen', width: 140, align: 'right', render: (fen: number) => formatFen(fen) },
    { key: 'orders', title: t('report.col.orders'), dataIndex: 'orders', width: 90, align: 'right', render: (n: number) => formatNumber(n) },
    { key: 'produce', title: t('report.col.produce'), dataIndex: 'produceFen', width: 140, align: 'right', render: (fen: number) => formatFen(fen) },
    {
      key: 'version',
      title: t('report.col.version'),
      width: 110,
      render: (_: unknown, r) => (
        <Flex gap={4} wrap>
          <span>{t('report.version', { n: r.version })}</span>
          {!r.current && <Tag>{t('report.replaced')}</Tag>}
        </Flex>
      ),
    },
    { key: 'source', title: t('report.col.source'), dataIndex: 'source', width: 100, render: (s: Report['source']) => t(`report.source.${s}`) },
    {
      key: 'reported',
      title: t('report.col.reported'),
      width: 170,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.reportedBy}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(r.reportedAt)}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'flags', title: t('report.col.flags'), width: opts.reasons ? 260 : 150, render: (_: unknown, r) => <ReportFlags report={r} reasons={opts.reasons} /> },
  ];
}
