import { Card, Descriptions } from 'antd';
import type { Certification } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** Each certificate in force: kind, number, issuer, validity (三品一标). */
export function CertificationList({ certifications }: { certifications: Certification[] }) {
  const t = useT();
  if (certifications.length === 0) return null;
  return (
    <Card size="small" title={t('shop.product.certifications')}>
      {certifications.map((c) => (
        <Descriptions
          key={c.id}
          size="small"
          column={1}
          title={t(`certKind.${c.kind}`)}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'number', label: t('cert.field.number'), children: c.number },
            { key: 'issuer', label: t('cert.field.issuer'), children: c.issuer },
            { key: 'valid', label: t('cert.field.validity'), children: `${c.validFrom} – ${c.validTo}` },
          ]}
        />
      ))}
    </Card>
  );
}
