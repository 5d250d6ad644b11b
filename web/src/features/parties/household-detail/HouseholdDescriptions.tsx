import { Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useDivisionNames } from '../../../api/network.js';
import type { Household } from '../../../api/parties.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { HouseholdStatusBadge } from '../shared/partyLabels.js';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** Every field of a household; the head's ID number as the server sent it (masked unless it is your own). */
export function HouseholdDescriptions({ household }: { household: Household }) {
  const t = useT();
  const names = useDivisionNames();
  const items: DescriptionsProps['items'] = [
    { key: 'no', label: t('household.field.no'), children: <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{household.householdNo}</Typography.Text> },
    {
      key: 'village',
      label: t('household.field.village'),
      children: (
        <span>
          {names.place(household.villageCode) ?? dash} <Typography.Text type="secondary">({household.villageCode})</Typography.Text>
        </span>
      ),
    },
    { key: 'head', label: t('household.field.headName'), children: household.headName },
    {
      key: 'headId',
      label: t('household.field.headId'),
      children: (
        <Typography.Text style={{ fontFamily: 'monospace' }} data-testid="household-head-id">
          {household.headIdNumber}
        </Typography.Text>
      ),
    },
    { key: 'members', label: t('household.field.members'), children: t('household.members', { count: household.members }) },
    { key: 'status', label: t('household.field.status'), children: <HouseholdStatusBadge status={household.status} /> },
    { key: 'liftedYear', label: t('household.field.liftedYear'), children: household.liftedYear ?? dash },
    { key: 'account', label: t('household.field.account'), children: household.userId ? t('partyNames.accountLinked') : dash },
    { key: 'createdAt', label: t('household.field.createdAt'), children: formatDateTime(household.createdAt) },
    { key: 'updatedAt', label: t('household.field.updatedAt'), children: formatDateTime(household.updatedAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }} items={items} data-testid="household-descriptions" />;
}
