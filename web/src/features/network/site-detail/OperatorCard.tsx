import { Card, Descriptions, Empty, Typography } from 'antd';
import type { SiteDetail } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { OperatorMarks } from '../shared/siteLabels.js';

/** Who runs the site; the phone is masked unless it is the operator looking. */
export function OperatorCard({ site }: { site: SiteDetail }) {
  const t = useT();
  const op = site.operator;
  return (
    <Card title={t('site.section.operator')}>
      {op ? (
        <Descriptions
          bordered
          size="small"
          styles={{ label: { whiteSpace: 'nowrap' } }}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
          items={[
            { key: 'name', label: t('site.field.operatorName'), children: op.name },
            { key: 'phone', label: t('site.field.operatorPhone'), children: op.phone ?? '—' },
            {
              key: 'marks',
              label: t('site.field.operatorMarks'),
              children: op.poorHousehold || op.disabled || op.partyMember ? <OperatorMarks operator={op} long /> : '—',
            },
            ...(op.userId ? [{ key: 'account', label: t('site.field.operatorAccount'), children: <Typography.Text type="secondary">{t('site.operatorHasAccount')}</Typography.Text> }] : []),
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('site.noOperator')} />
      )}
    </Card>
  );
}
