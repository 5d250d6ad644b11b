import { Descriptions, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { SiteDetail } from '../../../api/network.js';
import { formatDateTime, formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { KindTag, StatusBadge } from '../shared/siteLabels.js';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** Every field of a site except its operator. */
export function SiteDescriptions({ site }: { site: SiteDetail }) {
  const t = useT();
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('site.field.name'), children: site.name },
    { key: 'kind', label: t('site.field.kind'), children: <KindTag kind={site.kind} /> },
    { key: 'status', label: t('site.field.status'), children: <StatusBadge status={site.status} /> },
    { key: 'statusSince', label: t('site.field.statusSince'), children: site.statusSince },
    { key: 'township', label: t('site.field.township'), children: site.townshipName ?? t('sites.countyLevel') },
    {
      key: 'division',
      label: t('site.field.division'),
      children: (
        <span>
          {site.divisionName ?? dash} <Typography.Text type="secondary">({site.divisionCode})</Typography.Text>
        </span>
      ),
    },
    { key: 'address', label: t('site.field.address'), children: site.address, span: 2 },
    {
      key: 'location',
      label: t('site.field.location'),
      children: site.longitude !== null && site.latitude !== null ? `${site.longitude.toFixed(5)}, ${site.latitude.toFixed(5)}` : dash,
    },
    { key: 'area', label: t('site.field.floorArea'), children: site.floorAreaM2 === null ? dash : formatNumber(site.floorAreaM2, 1) },
    { key: 'hours', label: t('site.field.openingHours'), children: site.openingHours || dash },
    {
      key: 'services',
      label: t('site.field.services'),
      span: 'filled',
      children:
        site.services.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {site.services.map((s) => (
              <Tag key={s} style={{ marginInlineEnd: 0 }}>
                {t(`service.${s}`)}
              </Tag>
            ))}
          </Space>
        ) : (
          dash
        ),
    },
    { key: 'updated', label: t('site.field.updatedAt'), children: formatDateTime(site.updatedAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }} items={items} />;
}
