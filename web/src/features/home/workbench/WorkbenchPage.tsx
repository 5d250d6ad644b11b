import { Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useWorkbench, type WorkbenchBlock } from '../../../api/workbench.js';
import { Link } from 'react-router-dom';
import { formatDateTime, formatFen, todayInShanghai } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { WorkbenchItemCard } from './WorkbenchItemCard.js';

/** 早上好 / 下午好 / 晚上好 by the hour in the county (Asia/Shanghai), whatever the browser's zone. */
function greeting(t: Translate, name: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  if (hour >= 5 && hour < 12) return t('workbench.morning', { name });
  if (hour >= 12 && hour < 18) return t('workbench.afternoon', { name });
  return t('workbench.evening', { name });
}

function Block({ block }: { block: WorkbenchBlock }) {
  const t = useT();
  return (
    <Card title={t(`role.${block.role}`)} size="small" data-testid={`workbench-block-${block.role}`} variant="borderless">
      <Row gutter={[12, 12]}>
        {block.items.map((item) => (
          <Col key={item.key} xs={24} sm={12} xl={6}>
            {/* A trainer's counts tell how its teaching stands: none is a warning. */}
            <WorkbenchItemCard item={item} informs={block.role === 'trainer'} />
          </Col>
        ))}
      </Row>
      {block.items.flatMap((item) => item.stationDays ?? []).length > 0 && (
        <div data-testid="workbench-station-days" style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('workbench.station.title')}</Typography.Text>
          <Flex vertical gap={6} style={{ marginTop: 8 }}>
            {block.items
              .flatMap((item) => item.stationDays ?? [])
              .map((d) => (
                <Link key={d.siteId} to="/station" data-testid={`workbench-station-day-${d.siteId}`}>
                  <Flex wrap gap={8} align="center">
                    <Typography.Text>{d.siteName}</Typography.Text>
                    <Tag color={d.status === 'closed' ? 'default' : d.status === 'open' ? 'green' : 'orange'} data-testid={`workbench-station-status-${d.siteId}`}>
                      {t(`workbench.station.status.${d.status}`)}
                    </Tag>
                    <Typography.Text type="secondary">{d.services > 0 ? t('workbench.station.services', { count: d.services }) : t('workbench.station.none')}</Typography.Text>
                    {d.byKind.map((k) => (
                      <Tag key={k.kind} bordered={false}>
                        {t(`stations.console.kind.${k.kind}`)} {k.count}
                      </Tag>
                    ))}
                    <Typography.Text type="secondary">{t('workbench.station.expected', { amount: formatFen(d.expectedCashFen) })}</Typography.Text>
                  </Flex>
                </Link>
              ))}
          </Flex>
        </div>
      )}
      {block.items.flatMap((item) => item.sessions ?? []).length > 0 && (
        <div data-testid="workbench-trainer-sessions" style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('workbench.trainer.next')}</Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            {block.items
              .flatMap((item) => item.sessions ?? [])
              .map((s) => (
                <Link key={s.id} to={`/training/sessions/${s.id}`} data-testid={`workbench-session-${s.id}`}>
                  <Typography.Text type="secondary">{formatDateTime(s.startsAt)}</Typography.Text> {s.title}
                  {s.placeText && <Typography.Text type="secondary"> · {s.placeText}</Typography.Text>}
                </Link>
              ))}
          </Flex>
        </div>
      )}
    </Card>
  );
}

/**
 * 工作台: where every staff role lands. A greeting with the user's name and place, then one block of to-do counts
 * per role the user holds, each count a link to the page where that work is done.
 */
export function WorkbenchPage() {
  const t = useT();
  const user = useUser();
  const bench = useWorkbench();
  const onlyTrainer = bench.data?.blocks.every((b) => b.role === 'trainer') ?? false;
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" size="small">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="workbench-greeting">
          {greeting(t, bench.data?.name ?? user.displayName)}
        </Typography.Title>
        <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
          {bench.data?.place && (
            <Tag color="blue" data-testid="workbench-place">
              {bench.data.place}
            </Tag>
          )}
          {user.roles.map((role) => (
            <Tag key={role}>{t(`role.${role}`)}</Tag>
          ))}
          <Typography.Text type="secondary">{t(onlyTrainer ? 'workbench.todayOverview' : 'workbench.today', { date: todayInShanghai() })}</Typography.Text>
        </Flex>
      </Card>
      {bench.isPending && <Skeleton active />}
      {bench.error && <LoadError error={bench.error} onRetry={() => void bench.refetch()} />}
      {bench.data?.blocks.map((block) => (
        <Block key={block.role} block={block} />
      ))}
    </Flex>
  );
}
