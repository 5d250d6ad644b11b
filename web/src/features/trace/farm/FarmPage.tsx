import { useMemo } from 'react';
import { Button, Col, Empty, Flex, Input, Row, Segmented, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { CROPS, usePlots, type Crop, type PlotView } from '../../../api/trace-farm.js';
import { mayKeepFarmRecords } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { PlotCard } from './PlotCard.js';

const KEYS = ['crop', 'q'] as const;
const ALL = 'all';
/** Above this many plots the crop choice and search appear. */
const FILTER_FROM = 6;

/** Most recently worked first; never-recorded plots last, by name. */
const byActivity = (a: PlotView, b: PlotView) => (b.lastRecordOn ?? '').localeCompare(a.lastRecordOn ?? '') || a.name.localeCompare(b.name, 'zh-CN');

/** 农事记录: "my plots" as cards, phone first; a tap opens the plot and its record buttons. */
export function FarmPage() {
  const t = useT();
  const user = useUser();
  const keep = mayKeepFarmRecords(user);
  const plots = usePlots();
  const [params, setParams] = useUrlParams(KEYS);
  const crop = (CROPS as readonly string[]).includes(params.crop ?? '') ? (params.crop as Crop) : undefined;
  const all = plots.data ?? [];
  const crops = CROPS.filter((c) => all.some((p) => p.crop === c));
  const shown = useMemo(() => {
    const q = params.q?.trim();
    return all
      .filter((p) => !crop || p.crop === crop)
      .filter((p) => !q || [p.name, p.variety, p.baseName, p.place, p.producerName].some((s) => s.includes(q)))
      .sort(byActivity);
  }, [all, crop, params.q]);

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader title={t('trace.farm.title')} subtitle={keep ? t('trace.farm.subtitle') : t('trace.farm.subtitleReadOnly')} />
      {all.length > FILTER_FROM && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {crops.length > 1 && (
            <Segmented
              value={crop ?? ALL}
              onChange={(v) => setParams({ ...params, crop: v === ALL ? undefined : String(v) })}
              options={[{ value: ALL, label: t('common.all') }, ...crops.map((c) => ({ value: c, label: t(`trace.crop.${c}`) }))]}
              data-testid="plot-crop-filter"
            />
          )}
          <Input.Search
            allowClear
            defaultValue={params.q}
            placeholder={t('trace.farm.searchHint')}
            onSearch={(q) => setParams({ ...params, q })}
            style={{ flex: '1 1 200px', maxWidth: 360 }}
            data-testid="plot-search"
          />
        </Flex>
      )}
      {plots.isError ? (
        <LoadError error={plots.error} onRetry={() => void plots.refetch()} />
      ) : plots.isPending ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={all.length === 0 ? t('trace.farm.noPlots') : t('trace.farm.noMatch')} data-testid="plots-empty">
          {all.length === 0 && keep && (
            <Link to="/trace/producers">
              <Button type="primary">{t('trace.farm.addPlots')}</Button>
            </Link>
          )}
        </Empty>
      ) : (
        <Row gutter={[12, 12]} data-testid="plot-list">
          {shown.map((p) => (
            <Col key={p.id} xs={24} md={12} xl={8}>
              <PlotCard plot={p} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
