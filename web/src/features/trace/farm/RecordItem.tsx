import { Button, Flex, Tag, Typography } from 'antd';
import { EditOutlined, SafetyOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { RecordView } from '../../../api/trace-farm.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { actorName } from '../shared/actorName.js';
import { flagText, recordLines, recordTitle } from './recordLines.js';

export const recordAnchor = (id: string) => `record-${id}`;

/** Brings another record of the list into view (the correcting one, or the one corrected). */
function GoTo({ id, children }: { id: string; children: string }) {
  return (
    <a
      href={`#${recordAnchor(id)}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(recordAnchor(id))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      }}
      style={{ fontSize: 13 }}
    >
      {children}
    </a>
  );
}

interface Props {
  record: RecordView;
  /** The record it corrects, when in the list (for its date). */
  original?: RecordView;
  /** Absent for those who only read (regulators). A harvest made a batch and is not corrected here (the server refuses it). */
  onCorrect?: (record: RecordView) => void;
  /** The record the regulator's queue pointed at. */
  marked?: boolean;
}

/**
 * One timeline entry. A corrected record stays, struck through and grey with 已更正 and a link to its correction;
 * a flagged one carries a warning tag with the reason.
 */
export function RecordItem({ record: r, original, onCorrect, marked = false }: Props) {
  const t = useT();
  const corrected = !!r.correctedBy;
  const lines = recordLines(t, r);
  // The override tag says it already, with the regulator's reason.
  const flags = r.override ? r.flags.filter((f) => f.code !== 'INTERVAL_OVERRIDDEN') : r.flags;
  return (
    <div id={recordAnchor(r.id)} data-testid="record-item" data-record-id={r.id} data-kind={r.kind} data-corrected={corrected ? 'true' : 'false'} data-marked={marked ? 'true' : undefined} style={{ scrollMarginTop: 80, ...(marked ? { background: '#fff1f0', border: '1px solid #ffa39e', borderRadius: 6, padding: 8 } : {}) }}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong delete={corrected} type={corrected ? 'secondary' : undefined} style={{ fontSize: 15 }} data-testid="record-title">
          {recordTitle(t, r)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 13 }}>
          {r.occurredOn}
        </Typography.Text>
      </Flex>
      {lines.length > 0 && (
        <div style={{ fontSize: 13, color: corrected ? 'rgba(0,0,0,0.35)' : 'rgba(0,0,0,0.65)', textDecoration: corrected ? 'line-through' : undefined, marginTop: 2 }}>
          {lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
      <Flex wrap gap={6} align="center" style={{ marginTop: 4 }}>
        {corrected && (
          <>
            <Tag variant="outlined" style={{ marginInlineEnd: 0 }} data-testid="record-corrected">
              {t('trace.farm.record.corrected')}
            </Tag>
            <span data-testid="record-corrected-by">
              <GoTo id={r.correctedBy!}>{t('trace.farm.record.seeCorrection')}</GoTo>
            </span>
          </>
        )}
        {flags.map((flag) => (
          <Tag key={flag.code} color="warning" icon={<WarningOutlined />} title={flag.reason} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="record-flag" data-code={flag.code}>
            {flagText(t, flag, r)}
          </Tag>
        ))}
        {r.override && (
          <Tag color="blue" icon={<SafetyOutlined />} title={r.override.reason} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="record-override">
            {t('trace.farm.record.override', { reason: r.override.reason })}
          </Tag>
        )}
      </Flex>
      {r.corrects && (
        <div style={{ marginTop: 2 }}>
          <GoTo id={r.corrects}>{original ? t('trace.farm.record.correctsOn', { date: original.occurredOn }) : t('trace.farm.record.corrects')}</GoTo>
        </div>
      )}
      {r.batchId && (
        <div style={{ marginTop: 2 }}>
          <Link to={`/trace/batches/${encodeURIComponent(r.batchId)}`} style={{ fontSize: 13 }} data-testid="record-batch">
            {t('trace.farm.record.batch')}
          </Link>
        </div>
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('trace.farm.record.by', { name: actorName(t, r.recordedBy), time: formatDateTime(r.recordedAt).slice(0, 16) })}
        </Typography.Text>
        {onCorrect && !corrected && r.kind !== 'harvest' && (
          <Button size="small" icon={<EditOutlined />} onClick={() => onCorrect(r)} style={{ minHeight: 32 }} data-testid="record-correct">
            {t('trace.farm.record.correct')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
