import { Alert } from 'antd';
import type { HarvestRefusal, IntervalBreach } from '../../../api/trace-farm.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';

/** The spraying that holds the harvest back longest: its interval ends last. */
export function decisiveBreach(refusal: HarvestRefusal): IntervalBreach | undefined {
  return [...refusal.breaches].sort((a, b) => b.earliestOn.localeCompare(a.earliestOn))[0];
}

/** 采收被拒：X 于 2026-08-01 施用，安全间隔期 14 天，最早 2026-08-15 可采收；已提交监管部门. */
export function refusalText(t: Translate, refusal: HarvestRefusal): string {
  const b = decisiveBreach(refusal);
  const breach = b ? t('trace.farm.refused.breach', { product: b.productName, appliedOn: b.appliedOn, days: b.intervalDays, earliest: b.earliestOn }) : t('trace.farm.refused.unknown');
  return t('trace.farm.refused.title', { breaches: breach });
}

/**
 * A harvest the pre-harvest interval rule refused: the spraying that decides the day in one sentence, any other
 * sprayings still inside their interval below it, and that the regulator has the refusal.
 */
export function HarvestRefused({ refusal }: { refusal: HarvestRefusal }) {
  const t = useT();
  const decisive = decisiveBreach(refusal);
  const others = refusal.breaches.filter((b) => b !== decisive);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={<span style={{ fontWeight: 600 }}>{refusalText(t, refusal)}</span>}
      description={
        <>
          {others.length > 0 && (
            <div style={{ fontSize: 13 }}>
              {t('trace.farm.refused.others', { count: others.length })}
              {others.map((b) => (
                <div key={b.recordId}>{t('trace.farm.refused.other', { product: b.productName, appliedOn: b.appliedOn, earliest: b.earliestOn })}</div>
              ))}
            </div>
          )}
        </>
      }
      data-testid="harvest-refused"
    />
  );
}
