import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Button, Card, Col, Empty, Flex, Grid, Input, List, Popconfirm, Row, Space, Spin, Switch, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { CameraOutlined, CheckCircleFilled, CloseCircleFilled, DeleteOutlined, ScanOutlined, WarningFilled } from '@ant-design/icons';
import { useRoutes } from '../../../api/logistics-runs.js';
import { useSites } from '../../../api/network.js';
import { isCountyWide } from '../../../app/access.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { carrierLabel, reasonText } from '../parcels/parcelLabels.js';
import { CameraScanner, cameraScanAvailable } from './CameraScanner.js';
import { feedback } from './feedback.js';
import { useSorter, type SortDisplay, type SortEntry, type SortProblem } from './useSorter.js';

const SOUND_KEY = 'countyhub.sorting.sound';
const mono = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const LOOK: Record<SortDisplay['state'], { background: string; border: string; color: string }> = {
  idle: { background: '#fafafa', border: '#d9d9d9', color: '#8c8c8c' },
  busy: { background: '#f0f5ff', border: '#85a5ff', color: '#1d39c4' },
  ok: { background: '#f6ffed', border: '#52c41a', color: '#135200' },
  repeat: { background: '#e6f4ff', border: '#1677ff', color: '#003eb3' },
  warn: { background: '#fff7e6', border: '#fa8c16', color: '#ad4e00' },
  error: { background: '#fff1f0', border: '#ff4d4f', color: '#a8071a' },
};

const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/**
 * 仓库分拣: the county warehouse's sorting screen. A barcode scanner types the waybill and Enter into the one big
 * input (always focused on a desk screen); the screen answers in large type where the parcel goes — township,
 * village, point and route — or, loud and orange, why it is set aside. The session's scans are counted by township.
 */
export function SortingPage() {
  const t = useT();
  const user = useUser();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) !== 'off');
  const [camera, setCamera] = useState(false);
  const routes = useRoutes();
  // Scans are placed at the county warehouse, so a parcel's timeline names it.
  const warehouse = useSites({ kind: 'county_warehouse' }, isCountyWide(user));
  const siteId = warehouse.data?.[0]?.id;

  const onResult = useCallback((entry: SortEntry) => feedback(entry.result === 'ok' || entry.result === 'repeat' ? 'ok' : 'problem', sound), [sound]);
  const sorter = useSorter({ siteId, onResult });
  const routeName = useCallback((id: string | null | undefined) => (id ? (routes.data?.find((r) => r.id === id)?.name ?? null) : null), [routes.data]);

  const focus = useCallback(() => input.current?.focus({ preventScroll: true }), []);
  // A desk screen keeps the input focused so no scan is lost; a phone does not (its keyboard would cover the screen).
  useEffect(() => {
    if (!phone) focus();
  }, [phone, focus]);
  const onBlur = () => {
    if (phone || camera) return;
    setTimeout(() => {
      const active = document.activeElement as HTMLElement | null;
      if (active && active !== document.body && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.closest('.ant-modal, .ant-popover'))) return;
      focus();
    }, 200);
  };

  const submit = (raw: string) => {
    setValue('');
    sorter.submit(raw);
  };

  return (
    <>
      <PageHeader
        title={t('logistics.sorting.title')}
        subtitle={phone ? undefined : t('logistics.sorting.subtitle')}
        crumbs={phone ? undefined : [{ title: t('shell.menu.logistics') }, { title: t('logistics.sorting.title') }]}
        extra={
          <Space wrap>
            <Space size={6}>
              <Switch
                size="small"
                checked={sound}
                data-testid="sorting-sound"
                onChange={(on) => {
                  setSound(on);
                  localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
                  focus();
                }}
              />
              <Typography.Text>{t('logistics.sorting.sound')}</Typography.Text>
            </Space>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Flex gap={8}>
              <Input
                ref={input}
                size="large"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                onPressEnter={(e) => submit(e.currentTarget.value)}
                onBlur={onBlur}
                placeholder={t('logistics.sorting.placeholder')}
                prefix={<ScanOutlined style={{ fontSize: 24, color: '#1677ff' }} />}
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="off"
                spellCheck={false}
                enterKeyHint="go"
                maxLength={300}
                data-testid="sorting-input"
                style={{ fontSize: phone ? 20 : 28, fontFamily: mono, height: phone ? 56 : 72 }}
              />
              {cameraScanAvailable() && (
                <Button size="large" icon={<CameraOutlined />} onClick={() => setCamera(true)} data-testid="sorting-camera" style={{ height: phone ? 56 : 72 }}>
                  {phone ? null : t('logistics.sorting.camera')}
                </Button>
              )}
            </Flex>
            <Destination display={sorter.display} waiting={sorter.waiting} routeName={routeName} phone={phone} onChoose={(p) => sorter.submit(p.waybillNo ?? '', p)} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Session entries={sorter.entries} onClear={sorter.clear} />
        </Col>
      </Row>
      <CameraScanner
        open={camera}
        onClose={() => setCamera(false)}
        onCode={(code) => {
          setCamera(false);
          sorter.submit(code);
        }}
      />
    </>
  );
}

interface DestinationProps {
  display: SortDisplay;
  waiting: number;
  routeName: (id: string | null | undefined) => string | null;
  phone: boolean;
  onChoose: (parcel: NonNullable<SortEntry['parcel']>) => void;
}

/** The answer, big enough to read from the sorting table: where the parcel goes, or why it is set aside. */
function Destination({ display, waiting, routeName, phone, onChoose }: DestinationProps) {
  const t = useT();
  const look = LOOK[display.state];
  const entry = display.entry;
  const p = entry?.parcel;
  const big = phone ? 40 : 64;
  const box: CSSProperties = {
    background: look.background,
    border: `3px ${display.state === 'idle' ? 'dashed' : 'solid'} ${look.border}`,
    borderRadius: 12,
    padding: phone ? 16 : 24,
    minHeight: phone ? 240 : 320,
    textAlign: 'center',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    alignItems: 'center',
    gap: 8,
    color: look.color,
    transition: 'background 120ms, border-color 120ms',
  };
  const route = p ? routeName(p.routeId) : null;
  const where = p && (p.townshipName || p.villageName) && (
    <>
      <div style={{ fontSize: display.state === 'ok' || display.state === 'repeat' ? big : big * 0.55, fontWeight: 700, lineHeight: 1.15 }} data-testid="sorting-township">
        {p.townshipName ?? '—'}
      </div>
      <div style={{ fontSize: display.state === 'ok' || display.state === 'repeat' ? big * 0.62 : big * 0.4, fontWeight: 600, lineHeight: 1.2 }} data-testid="sorting-village">
        {p.villageName ?? '—'}
      </div>
      {p.pointName && <div style={{ fontSize: phone ? 16 : 20 }}>{p.pointName}</div>}
      <Tag color={route ? 'blue' : 'default'} style={{ fontSize: phone ? 16 : 22, lineHeight: 1.6, padding: '2px 12px', marginTop: 4, marginInlineEnd: 0 }} data-testid="sorting-route">
        {t('logistics.sorting.route', { route: route ?? t('logistics.parcels.noRoute') })}
      </Tag>
    </>
  );

  return (
    <div style={box} data-testid="sorting-destination" data-state={display.state} aria-live="assertive">
      {display.state === 'idle' && (
        <>
          <ScanOutlined style={{ fontSize: phone ? 48 : 72 }} />
          <div style={{ fontSize: phone ? 22 : 30 }}>{t('logistics.sorting.idle')}</div>
        </>
      )}
      {display.state === 'busy' && (
        <>
          <Spin size="large" />
          <div style={{ fontSize: phone ? 18 : 24, fontFamily: mono }}>{display.code}</div>
          <div>{t('logistics.sorting.busy')}</div>
        </>
      )}
      {entry && display.state !== 'busy' && display.state !== 'idle' && (
        <>
          <Flex gap={8} align="center" justify="center" wrap style={{ fontSize: phone ? 18 : 22, fontWeight: 600 }}>
            {display.state === 'ok' || display.state === 'repeat' ? <CheckCircleFilled /> : display.state === 'error' ? <CloseCircleFilled /> : <WarningFilled />}
            <span data-testid="sorting-verdict">{verdict(entry, t)}</span>
          </Flex>
          {(display.state === 'warn' || display.state === 'error') && entry.problem?.kind !== 'several' && (
            <>
              <div style={{ fontSize: phone ? 28 : 44, fontWeight: 700, lineHeight: 1.2 }} data-testid="sorting-problem">
                {problemText(entry.problem, t)}
              </div>
              {problemHint(entry.problem, t) && <div style={{ fontSize: phone ? 16 : 20 }}>{problemHint(entry.problem, t)}</div>}
            </>
          )}
          {where}
          {p && !p.pointSiteId && p.address && (
            <div style={{ fontSize: phone ? 16 : 20 }}>
              {t('logistics.sorting.address', { address: p.address })}
            </div>
          )}
          {entry.problem?.kind === 'several' && (
            <Flex gap={8} wrap justify="center" style={{ marginTop: 8 }}>
              {entry.problem.candidates.map((c) => (
                <Button key={c.id} size="large" onClick={() => onChoose(c)} data-testid="sorting-pick-carrier">
                  {t('logistics.sorting.pickCarrier', { carrier: carrierLabel(t, c.carrier, c.carrierName) })}
                </Button>
              ))}
            </Flex>
          )}
          <Typography.Text style={{ fontFamily: mono, fontSize: phone ? 14 : 16, color: look.color }}>
            {entry.code}
            {p?.carrier && ` · ${carrierLabel(t, p.carrier, p.carrierName)}`}
            {p?.recipientName && ` · ${p.recipientName}`}
          </Typography.Text>
        </>
      )}
      {waiting > 0 && <Tag color="processing">{t('logistics.sorting.queued', { count: waiting })}</Tag>}
    </div>
  );
}

function verdict(entry: SortEntry, t: Translate): string {
  if (entry.result === 'ok') return t('logistics.sorting.ok');
  if (entry.result === 'repeat') return t('logistics.sorting.repeat');
  if (entry.problem?.kind === 'several') return t('logistics.sorting.warn.several');
  if (entry.result === 'error') return t('logistics.sorting.result.error');
  return t('logistics.sorting.result.warn');
}

function problemText(problem: SortProblem | undefined, t: Translate): string {
  switch (problem?.kind) {
    case 'invalid':
      return t('logistics.sorting.warn.invalid');
    case 'unknown':
      return t('logistics.sorting.warn.unknown');
    case 'failed':
      return t('logistics.sorting.warn.failed');
    case 'unmatched':
      return t('logistics.sorting.warn.unmatched');
    case 'noManifest':
      return t('logistics.sorting.warn.noManifest');
    case 'flagged':
      return t('logistics.sorting.warn.flagged', { reason: reasonText(t, problem.reason, problem.code) });
    case 'already':
      return t('logistics.sorting.warn.already', { status: t(`logistics.status.${problem.status}`) });
    case 'up':
      return t('logistics.sorting.warn.up');
    case 'several':
      return t('logistics.sorting.warn.several');
    default:
      return '';
  }
}

/** What the sorter does with a parcel set aside. */
function problemHint(problem: SortProblem | undefined, t: Translate): string | null {
  switch (problem?.kind) {
    case 'unmatched':
      return t('logistics.sorting.hint.aside');
    case 'noManifest':
      return t('logistics.sorting.hint.received');
    case 'already':
    case 'up':
      return t('logistics.sorting.hint.notHere');
    case 'flagged':
      return t('logistics.sorting.hint.flagged');
    case 'failed':
      return t('logistics.sorting.hint.rescan');
    case 'unknown':
      // The server's reason (in English) helps a supervisor; the sorter reads the hint.
      return `${t('logistics.sorting.hint.unknown')} (${problem.message.replace(/^body\.\w+: /, '')})`;
    case 'invalid':
      return t('logistics.sorting.hint.unknown');
    default:
      return null;
  }
}

const RESULT_COLOR: Record<SortEntry['result'], string> = { ok: 'success', repeat: 'processing', warn: 'warning', error: 'error' };

/** This session: how many sorted and set aside, by township, and every scan newest first. */
function Session({ entries, onClear }: { entries: SortEntry[]; onClear: () => void }) {
  const t = useT();
  const summary = useMemo(() => {
    const sorted = new Map<string, string>();
    const problems = new Set<string>();
    for (const e of entries) {
      const id = e.parcel?.id ?? e.code;
      if ((e.result === 'ok' || e.result === 'repeat') && e.parcel) sorted.set(id, e.parcel.townshipName ?? '—');
      else problems.add(id);
    }
    for (const id of sorted.keys()) problems.delete(id);
    const byTownship = new Map<string, number>();
    for (const name of sorted.values()) byTownship.set(name, (byTownship.get(name) ?? 0) + 1);
    return { sorted: sorted.size, problems: problems.size, byTownship: [...byTownship].sort((a, b) => b[1] - a[1]) };
  }, [entries]);

  return (
    <Card
      size="small"
      title={t('logistics.sorting.session')}
      data-testid="sorting-session"
      extra={
        entries.length > 0 && (
          <Popconfirm title={t('logistics.sorting.clearConfirm')} onConfirm={onClear} okText={t('common.yes')} cancelText={t('common.no')}>
            <Button size="small" type="text" icon={<DeleteOutlined />} data-testid="sorting-clear">
              {t('logistics.sorting.clear')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Tag color="success" style={{ fontSize: 14, padding: '2px 8px' }} data-testid="sorting-count">
          {t('logistics.sorting.sessionTotal', { count: summary.sorted })}
        </Tag>
        {summary.problems > 0 && (
          <Tag color="warning" style={{ fontSize: 14, padding: '2px 8px' }} data-testid="sorting-problems">
            {t('logistics.sorting.sessionProblems', { count: summary.problems })}
          </Tag>
        )}
      </Flex>
      {summary.byTownship.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('logistics.sorting.byTownship')}
          </Typography.Text>
          <Flex gap={6} wrap style={{ marginTop: 4 }} data-testid="sorting-by-township">
            {summary.byTownship.map(([name, count]) => (
              <Tag key={name} style={{ marginInlineEnd: 0 }}>
                {name} <b>{count}</b>
              </Tag>
            ))}
          </Flex>
        </div>
      )}
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.sorting.sessionEmpty')} />
      ) : (
        <List
          size="small"
          data-testid="sorting-log"
          style={{ maxHeight: 520, overflow: 'auto' }}
          dataSource={entries}
          renderItem={(e) => (
            <List.Item key={e.key} style={{ paddingInline: 0 }}>
              <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text style={{ fontFamily: mono }} ellipsis>
                    {e.code}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {time.format(new Date(e.at))} · {e.result === 'warn' || e.result === 'error' ? problemText(e.problem, t) : [e.parcel?.townshipName, e.parcel?.villageName].filter(Boolean).join(' ') || '—'}
                  </Typography.Text>
                </Flex>
                <Tag color={RESULT_COLOR[e.result]} style={{ marginInlineEnd: 0, flexShrink: 0 }}>
                  {t(`logistics.sorting.result.${e.result}`)}
                </Tag>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
