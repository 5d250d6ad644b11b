import { Badge, Button, Flex, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useSite } from '../../../api/network.js';
import { useInvalidateLogistics } from '../../../api/logistics.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { ArrivalsTab } from './ArrivalsTab.js';
import { SendTab } from './SendTab.js';
import { SyncBanner } from './SyncBanner.js';
import { usePointActions } from './usePointActions.js';
import { usePointLists, type ListView } from './usePointLists.js';
import { usePointQueue } from './usePointQueue.js';
import { WaitingTab } from './WaitingTab.js';

const KEYS = ['tab'] as const;
const TABS = ['arrivals', 'waiting', 'send'] as const;
type Tab = (typeof TABS)[number];

/** The oldest time among the lists shown from the server or the device; null when nothing came yet. */
const oldest = (views: ListView[]) => views.map((v) => v.at).filter((at): at is string => !!at).sort()[0] ?? null;

/**
 * 服务点收发: the village point's phone page. Parcels coming and at the point (到件扫描, 通知取件, 交付 with the pick-up
 * code), parcels left waiting too long (remind, send back), and produce sent up to the county. Works without a
 * connection: every action is a scan made on the phone and kept there until the server has it (SyncBanner).
 */
export function VillagePointPage() {
  const t = useT();
  const user = useUser();
  const siteId = user.scope.id;
  const site = useSite(siteId);
  const [params, setParams] = useUrlParams(KEYS);
  const tab: Tab = TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'arrivals';
  const queue = usePointQueue(user.id);
  const lists = usePointLists(user.id, queue.pending);
  const actions = usePointActions(queue, siteId);
  const refresh = useInvalidateLogistics();

  const { down, waiting, up } = lists.views;
  const downLoading = down.some((v) => v.loading);
  // Failed and nothing to show from the device either: say so (offline with a copy, the copy is enough).
  const downFailed = down.find((v) => v.error && !v.remembered && v.items.length === 0)?.error;
  const remembered = [...down, waiting, up].some((v) => v.remembered);
  const asOf = oldest(down);

  const label = (text: string, count: number, testId: string) => (
    <span data-testid={testId}>
      {text} <Badge count={count} showZero={false} overflowCount={999} style={{ marginInlineStart: 2 }} />
    </span>
  );

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeader
        title={t('logistics.point.title')}
        subtitle={site.data?.name ?? t('logistics.point.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refresh()} disabled={!queue.online} aria-label={t('common.refresh')} data-testid="point-refresh" />
        }
      />
      <SyncBanner queue={queue} />
      {(remembered || !queue.online) && asOf && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }} data-testid="point-as-of">
          {t('logistics.point.asOf', { time: formatDateTime(asOf).slice(5, 16) })}
        </Typography.Text>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key === 'arrivals' ? undefined : key })}
        size="large"
        centered
        tabBarGutter={20}
        data-testid="point-tabs"
        items={[
          {
            key: 'arrivals',
            label: label(t('logistics.point.tab.arrivals'), lists.atPoint.length, 'tab-arrivals'),
            children: downFailed ? (
              <LoadError error={downFailed} onRetry={() => void refresh()} />
            ) : (
              <>
                <ArrivalsTab transit={lists.transit} atPoint={lists.atPoint} handled={lists.handled} known={lists.known} loading={downLoading && lists.known.length === 0} actions={actions} />
                <LoadMore query={lists.moreDown} />
              </>
            ),
          },
          {
            key: 'waiting',
            label: label(t('logistics.point.tab.waiting'), lists.waiting.length, 'tab-waiting'),
            children:
              waiting.error && !waiting.remembered && waiting.items.length === 0 ? (
                <LoadError error={waiting.error} onRetry={() => void refresh()} />
              ) : (
                <WaitingTab waiting={lists.waiting} loading={waiting.loading} actions={actions} />
              ),
          },
          {
            key: 'send',
            label: label(t('logistics.point.tab.send'), 0, 'tab-send'),
            children: <SendTab siteId={siteId} shipments={lists.up} loading={up.loading} online={queue.online} more={lists.upQuery} />,
          },
        ]}
      />
      {actions.modals}
      <Flex justify="center">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('logistics.point.footer')}
        </Typography.Text>
      </Flex>
    </div>
  );
}
