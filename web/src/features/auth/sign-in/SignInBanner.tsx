import { Flex, Typography } from 'antd';
import { ApartmentOutlined, CarOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LogoMark } from '../../../app/ui/Logo.js';
import { useCountyName } from '../../../app/shell/useCountyName.js';

/** The left half of the sign-in page on wide screens: what the platform is for. */
export function SignInBanner() {
  const t = useT();
  const county = useCountyName();
  const features = [
    { icon: <ApartmentOutlined />, text: t('signIn.feature.network') },
    { icon: <CarOutlined />, text: t('signIn.feature.logistics') },
    { icon: <SafetyCertificateOutlined />, text: t('signIn.feature.trace') },
  ];
  return (
    <Flex
      vertical
      justify="space-between"
      style={{ width: '42%', maxWidth: 560, padding: '40px 48px', color: '#fff', background: 'linear-gradient(160deg, #0b3b8c 0%, #1677ff 70%, #4096ff 100%)' }}
    >
      <Flex align="center" gap={12}>
        <LogoMark size={36} />
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>{county ? `${county} · ${t('app.name')}` : t('app.name')}</Typography.Text>
      </Flex>
      <div>
        <Typography.Title level={2} style={{ color: '#fff', marginBottom: 12 }}>
          {t('app.tagline')}
        </Typography.Title>
        <Flex vertical gap={16} style={{ marginTop: 32 }}>
          {features.map((f) => (
            <Flex key={f.text} align="center" gap={12} style={{ fontSize: 16, color: 'rgba(255,255,255,0.9)' }}>
              <span style={{ fontSize: 20, width: 40, height: 40, borderRadius: 8, background: 'rgba(255,255,255,0.15)', display: 'inline-flex', alignItems: 'center', justifyContent: 'center' }}>{f.icon}</span>
              {f.text}
            </Flex>
          ))}
        </Flex>
      </div>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>{t('app.footer')}</Typography.Text>
    </Flex>
  );
}
