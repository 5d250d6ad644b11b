import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditRecord } from '../../../api/identity.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { actionLabel, entityLabel, SHOWN_BY_NUMBER } from './auditLabels.js';

/** Entities with a page of their own in the console. */
const ENTITY_PAGES: Record<string, string> = { site: '/network/sites', seller: '/parties/sellers', household: '/parties/households' };

/** Who acted: a person by name (and whether through an API token), or 系统 when the platform acted by itself. */
export function ActorCell({ record, t }: { record: AuditRecord; t: Translate }) {
  if (!record.actorName) return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
  return (
    <span>
      <span title={record.actorUsername ?? undefined}>{record.actorName}</span>
      {record.actorVia === 'token' && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('audit.viaToken')}</Tag>}
    </span>
  );
}

export function ActionTag({ action, t }: { action: string; t: Translate }) {
  return (
    <Tag color={action.startsWith('auth.') ? 'default' : action.endsWith('created') ? 'green' : 'blue'} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {actionLabel(t, action)}
    </Tag>
  );
}

/** What was changed: its type, and its name (a link where it has a page); never an internal id. */
export function EntityCell({ record, t }: { record: AuditRecord; t: Translate }) {
  const name = record.entityName ?? (SHOWN_BY_NUMBER.has(record.entityType) ? record.entityId : null);
  const page = ENTITY_PAGES[record.entityType];
  return (
    <span>
      <Typography.Text type="secondary">{entityLabel(t, record.entityType)}</Typography.Text>
      {name && ' '}
      {name && (page ? <Link to={`${page}/${record.entityId}`}>{name}</Link> : name)}
    </span>
  );
}

export function auditColumns(t: Translate): TableColumnsType<AuditRecord> {
  return [
    { key: 'at', title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    { key: 'actor', title: t('audit.col.actor'), width: 170, render: (_: unknown, r) => <ActorCell record={r} t={t} /> },
    { key: 'action', title: t('audit.col.action'), dataIndex: 'action', width: 200, render: (action: string) => <ActionTag action={action} t={t} /> },
    { key: 'entity', title: t('audit.col.entity'), width: 260, render: (_: unknown, r) => <EntityCell record={r} t={t} /> },
    { key: 'ip', title: t('audit.col.ip'), dataIndex: 'ip', width: 130 },
  ];
}
