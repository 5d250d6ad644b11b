import { Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { DayView } from '../../../api/station-phone.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { dayName, yuan, type TillTotals } from './till.js';

/**
 * 今日钱箱: the day's status, 开账 with the opening cash, 今日收入 / 支出 / 应有现金 (the server's totals plus what waits on
 * the phone), and 日结. A closed day shows who closed it, the counted cash and the difference.
 */
export function TillCard({
  totals,
  serverDay,
  onOpen,
  onClose,
  earlier = [],
  onCloseEarlier,
}: {
  totals: TillTotals;
  serverDay: DayView | null;
  onOpen: () => void;
  onClose: () => void;
  /** Earlier days of the site still open (12月6日 未日结), each with its 日结. */
  earlier?: readonly { day: string; expectedCashFen: number }[];
  onCloseEarlier?: (day: { day: string; expectedCashFen: number }) => void;
}) {
  const t = useT();
  const status = totals.status;
  const tag = status === 'closed' ? <Tag color="default">{t('station.till.closed')}</Tag> : status === 'open' ? <Tag color="green">{t('station.till.open')}</Tag> : <Tag color="orange">{t('station.till.none')}</Tag>;
  const stat = (title: string, value: number, testId: string) => (
    <Statistic title={title} value={yuan(value)} styles={{ content: { fontSize: 18 } }} data-testid={testId} data-fen={value} />
  );
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="station-till" data-status={status} data-expected={totals.expectedFen} data-in={totals.inFen} data-out={totals.outFen}>
      {earlier.map((d) => (
        <Flex key={d.day} justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }} data-testid="till-unclosed" data-day={d.day} data-expected={d.expectedCashFen}>
          <Typography.Text type="warning">
            {t('station.till.unclosed', { day: dayName(t, d.day) })} · {t('station.till.unclosedExpected', { amount: yuan(d.expectedCashFen) })}
          </Typography.Text>
          <Button size="small" onClick={() => onCloseEarlier?.(d)} data-testid="till-close-earlier">
            {t('station.till.closeButton')}
          </Button>
        </Flex>
      ))}
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('station.till.title', { day: totals.day })}</Typography.Text>
        {tag}
      </Flex>
      <Row gutter={[8, 8]}>
        <Col span={12}>{stat(t('station.till.opening'), totals.openingFen, 'till-opening')}</Col>
        <Col span={12}>{stat(t('station.till.expected'), totals.expectedFen, 'till-expected')}</Col>
        <Col span={12}>{stat(t('station.till.in'), totals.inFen, 'till-in')}</Col>
        <Col span={12}>{stat(t('station.till.out'), totals.outFen, 'till-out')}</Col>
      </Row>
      {totals.queued > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="till-queued">
          {t('station.till.queued', { count: totals.queued })}
        </Typography.Text>
      )}
      {status === 'closed' && serverDay?.status === 'closed' && serverDay.closedAt && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }} data-testid="till-closed-by">
          {t('station.till.closedBy', { name: serverDay.closedByName ?? '', time: formatDateTime(serverDay.closedAt).slice(11, 16), counted: yuan(serverDay.countedCashFen ?? 0), difference: yuan(serverDay.differenceFen ?? 0) })}
          {serverDay.reason ? `（${serverDay.reason}）` : ''}
        </Typography.Paragraph>
      )}
      {status !== 'closed' && (
        <Flex gap={8} style={{ marginTop: 12 }}>
          {!totals.opened && (
            <Button type={status === 'none' ? 'primary' : 'default'} size="large" block onClick={onOpen} data-testid="till-open">
              {t('station.till.openButton')}
            </Button>
          )}
          {status === 'open' && (
            <Button size="large" block onClick={onClose} data-testid="till-close">
              {t('station.till.closeButton')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
