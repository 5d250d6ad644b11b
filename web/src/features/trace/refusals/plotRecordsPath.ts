import type { RefusalView } from '../../../api/trace-recalls.js';
import { recordAnchor } from '../farm/RecordItem.js';

/**
 * The plot's farm records (农事记录) opened from the queue, scrolled to the record that broke the rule: the spraying
 * whose interval ends last, else the first finding. `from=refusals` brings the regulator back to the queue.
 */
export function plotRecordsPath(review: Pick<RefusalView, 'plotId' | 'breaches' | 'findings'>, recordId?: string): string {
  const decisive = [...review.breaches].sort((a, b) => b.earliestOn.localeCompare(a.earliestOn))[0];
  const target = recordId ?? decisive?.recordId ?? review.findings[0]?.recordId;
  return `/trace/farm/${encodeURIComponent(review.plotId)}?from=refusals${target ? `#${recordAnchor(target)}` : ''}`;
}
