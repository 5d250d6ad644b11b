import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditRecord } from '../../../api/identity.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { messages, type MessageKey } from '../../../app/locale/messages.js';

/** Entities with a page of their own in the console. */
const ENTITY_PAGES: Record<string, string> = { site: '/network/sites', seller: '/parties/sellers', household: '/parties/households' };

const label = (t: Translate, key: string, fallback: string) => (key in messages ? t(key as MessageKey) : fallback);

export function auditColumns(t: Translate): TableColumnsType<AuditRecord> {
  return [
    { key: 'at', title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    {
      key: 'actor',
      title: t('audit.col.actor'),
      dataIndex: 'actorUsername',
      width: 170,
      render: (name: string | null, r) =>
        name ? (
          <span>
            <Typography.Text code>{name}</Typography.Text>
            {r.actorVia === 'token' && <Tag color="orange">{t('audit.viaToken')}</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 190,
      render: (action: string) => (
        <Tag color={action.startsWith('auth.') ? 'default' : action.endsWith('created') ? 'green' : 'blue'} title={action}>
          {label(t, `action.${action}`, action)}
        </Tag>
      ),
    },
    {
      key: 'entity',
      title: t('audit.col.entity'),
      width: 260,
      render: (_: unknown, r) => (
        <span>
          <Typography.Text type="secondary">{label(t, `audit.entity.${r.entityType}`, r.entityType)}</Typography.Text>{' '}
          {ENTITY_PAGES[r.entityType] ? <Link to={`${ENTITY_PAGES[r.entityType]}/${r.entityId}`}>{r.entityId}</Link> : r.entityId}
        </span>
      ),
    },
    { key: 'ip', title: t('audit.col.ip'), dataIndex: 'ip', width: 130 },
  ];
}
