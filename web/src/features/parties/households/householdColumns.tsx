import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Household } from '../../../api/parties.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { HouseholdStatusBadge } from '../shared/partyLabels.js';

/** 户编号 (to the detail page), village, head, head's ID as sent (masked), members, status, year lifted. */
export function householdColumns(t: Translate, place: (code: string) => string | undefined): TableColumnsType<Household> {
  return [
    {
      key: 'no',
      title: t('households.col.no'),
      dataIndex: 'householdNo',
      fixed: 'left',
      width: 180,
      render: (no: string, h) => (
        <Link to={`/parties/households/${h.id}`} data-testid="household-link" style={{ fontFamily: 'monospace' }}>
          {no}
        </Link>
      ),
    },
    { key: 'village', title: t('households.col.village'), dataIndex: 'villageCode', width: 160, render: (code: string) => place(code) ?? code },
    { key: 'head', title: t('households.col.head'), dataIndex: 'headName', width: 110 },
    {
      key: 'headId',
      title: t('households.col.headId'),
      dataIndex: 'headIdNumber',
      width: 200,
      render: (id: string) => <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{id}</Typography.Text>,
    },
    { key: 'members', title: t('households.col.members'), dataIndex: 'members', width: 80, align: 'right' },
    { key: 'status', title: t('households.col.status'), dataIndex: 'status', width: 100, render: (_: unknown, h) => <HouseholdStatusBadge status={h.status} /> },
    {
      key: 'liftedYear',
      title: t('households.col.liftedYear'),
      dataIndex: 'liftedYear',
      width: 100,
      align: 'right',
      render: (year: number | null) => year ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];
}
