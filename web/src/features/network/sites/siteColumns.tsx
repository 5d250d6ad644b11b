import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Site } from '../../../api/network.js';
import { formatNumber } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { KindTag, OperatorMarks, StatusBadge } from '../shared/siteLabels.js';

const collator = new Intl.Collator('zh-CN');

/** Name (to the detail page), kind, township, village, status, operator with 贫/残/党 marks, floor area. */
export function siteColumns(t: Translate, showTownship: boolean): TableColumnsType<Site> {
  const columns: TableColumnsType<Site> = [
    {
      key: 'name',
      title: t('sites.col.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 220,
      sorter: (a, b) => collator.compare(a.name, b.name),
      render: (name: string, site) => (
        <Link to={`/network/sites/${site.id}`} data-testid="site-link">
          {name}
        </Link>
      ),
    },
    { key: 'kind', title: t('sites.col.kind'), dataIndex: 'kind', width: 150, render: (_: unknown, site) => <KindTag kind={site.kind} /> },
  ];
  if (showTownship) {
    columns.push({
      key: 'township',
      title: t('sites.col.township'),
      dataIndex: 'townshipName',
      width: 120,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('sites.countyLevel')}</Typography.Text>,
    });
  }
  columns.push(
    {
      key: 'division',
      title: t('sites.col.division'),
      dataIndex: 'divisionName',
      width: 140,
      render: (name: string | null, site) => (site.kind.startsWith('village_') ? name : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { key: 'status', title: t('sites.col.status'), dataIndex: 'status', width: 110, render: (_: unknown, site) => <StatusBadge status={site.status} /> },
    {
      key: 'operator',
      title: t('sites.col.operator'),
      width: 170,
      render: (_: unknown, site) =>
        site.operator ? (
          <Flex gap={6} align="center" wrap>
            <span>{site.operator.name}</span>
            <OperatorMarks operator={site.operator} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'floorArea',
      title: t('sites.col.floorArea'),
      dataIndex: 'floorAreaM2',
      width: 110,
      align: 'right',
      sorter: (a, b) => (a.floorAreaM2 ?? -1) - (b.floorAreaM2 ?? -1),
      render: (area: number | null) => formatNumber(area, 1),
    },
  );
  return columns;
}
