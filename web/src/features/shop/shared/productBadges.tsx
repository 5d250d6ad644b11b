import { Tag, Tooltip } from 'antd';
import { CrownOutlined, HeartOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Certification, Pavilion, Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useCountyShort } from './useCountyShort.js';

const PAVILION_COLOR: Record<Pavilion, string> = { specialty: 'gold', poverty: 'volcano' };

/** 鲁甸特色馆 / 鲁甸扶贫馆, named after the county. */
export function usePavilionName() {
  const t = useT();
  const county = useCountyShort();
  return (pavilion: Pavilion) => t(`pavilion.${pavilion}`, { county });
}

/** Small tags for a product card on a phone: two fit side by side. */
const COMPACT = { fontSize: 11, lineHeight: '18px', paddingInline: 4 } as const;

/** The pavilions a product is in, as tags; put in a wrapping row. */
export function PavilionTags({ pavilions, compact = false }: { pavilions: Pavilion[]; compact?: boolean }) {
  const name = usePavilionName();
  if (pavilions.length === 0) return null;
  // Fragments, so the row they stand in wraps them with its other tags.
  return (
    <>
      {pavilions.map((p) => (
        <Tag key={p} color={PAVILION_COLOR[p]} icon={compact ? undefined : p === 'poverty' ? <HeartOutlined /> : <CrownOutlined />} style={{ marginInlineEnd: 0, ...(compact && COMPACT) }} data-testid={`pavilion-${p}`}>
          {name(p)}
        </Tag>
      ))}
    </>
  );
}

/** The regional public brand, shown only while the seller holds a licence (the server leaves it out otherwise). */
export function BrandBadge({ brand, compact = false }: { brand: Product['brand']; compact?: boolean }) {
  if (!brand) return null;
  return (
    <Tag color="#1d7a3a" style={{ marginInlineEnd: 0, fontWeight: 500, ...(compact && COMPACT) }} data-testid="brand-badge">
      {brand.name}
    </Tag>
  );
}

/** 绿色食品 / 有机产品 / 地理标志, with number, issuer and validity on hover; only certificates in force come. Put in a wrapping row. */
export function CertBadges({ certifications }: { certifications: Certification[] }) {
  const t = useT();
  if (certifications.length === 0) return null;
  return (
    <>
      {certifications.map((c) => (
        <Tooltip key={c.id} title={t('cert.tooltip', { number: c.number, issuer: c.issuer, to: c.validTo })}>
          <Tag color="green" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }} data-testid="cert-badge">
            {t(`certKind.${c.kind}`)}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}
