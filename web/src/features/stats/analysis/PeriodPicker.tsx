import { Button, Flex, Segmented, Select } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useLocale } from '../../../app/locale/LocaleContext.js';
import { lastClosedPeriod, PERIOD_GRAINS, periodLabel, periodOf, periodsEnding, shiftPeriod, type PeriodGrain } from '../period.js';

/** How far back the period list reaches: five years of months, quarters or years. */
const BACK: Record<PeriodGrain, number> = { month: 60, quarter: 20, year: 6 };

/** 月度 / 季度 / 年度 and the period itself, with 上一期 / 下一期; never a period after the current one. */
export function PeriodPicker({ grain, period, onChange }: { grain: PeriodGrain; period: string; onChange: (grain: PeriodGrain, period: string) => void }) {
  const { t, lang } = useLocale();
  const current = periodOf(grain);
  const options = periodsEnding(grain, current, BACK[grain])
    .reverse()
    .map((p) => ({ value: p, label: periodLabel(grain, p, lang) }));
  return (
    <Flex gap={8} wrap align="center">
      <Segmented<PeriodGrain>
        data-testid="stats-grain"
        value={grain}
        options={PERIOD_GRAINS.map((g) => ({ value: g, label: t(`statsPage.grain.${g}`) }))}
        onChange={(g) => onChange(g, lastClosedPeriod(g))}
      />
      <Flex gap={4} align="center">
        <Button aria-label={t('statsPage.prev')} icon={<LeftOutlined />} onClick={() => onChange(grain, shiftPeriod(grain, period, -1))} />
        <Select data-testid="stats-period" value={period} options={options} onChange={(p) => onChange(grain, p)} style={{ width: 150 }} />
        <Button aria-label={t('statsPage.next')} icon={<RightOutlined />} disabled={period >= current} onClick={() => onChange(grain, shiftPeriod(grain, period, 1))} />
      </Flex>
    </Flex>
  );
}
