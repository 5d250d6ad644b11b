import { useEffect, useState } from 'react';
import { Button, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { FilePdfOutlined, QrcodeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { certificatePdfUrl, pagedItems, useMyCertificates, type Certificate } from '../../../api/learning.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';

/** The certificate's verification QR (the qrcode library loads only when one is opened). */
function VerifyQr({ url }: { url: string }) {
  const t = useT();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('qrcode').then((qr) => qr.toDataURL(url, { margin: 1, width: 200, errorCorrectionLevel: 'M' })).then((data) => live && setSrc(data));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Flex vertical align="center" gap={6} style={{ padding: '8px 0' }} data-testid="learn-cert-qr">
      {src ? <img src={src} width={168} height={168} alt={t('learn.certs.qr')} data-testid="learn-cert-qr-image" /> : <div style={{ width: 168, height: 168 }} />}
      <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
        {t('learn.certs.qrHint')}
      </Typography.Text>
      <Typography.Link href={url} target="_blank" style={{ fontSize: 12, wordBreak: 'break-all', textAlign: 'center' }} data-testid="learn-cert-link">
        {url}
      </Typography.Link>
    </Flex>
  );
}

function CertificateItem({ cert }: { cert: Certificate }) {
  const t = useT();
  const [qr, setQr] = useState(false);
  return (
    <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="learn-certificate">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Flex vertical gap={2} style={{ minWidth: 0, fontSize: 13 }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            <SafetyCertificateOutlined style={{ color: '#d48806' }} /> {cert.courseTitle}
          </Typography.Text>
          <Typography.Text type="secondary">{t('learn.certs.no', { no: cert.number })}</Typography.Text>
          <Typography.Text type="secondary">{cert.issuedOn}</Typography.Text>
        </Flex>
        {cert.status === 'revoked' && <Tag color="red">{t('learn.certs.revoked')}</Tag>}
      </Flex>
      {cert.status === 'valid' && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Button size="small" icon={<FilePdfOutlined />} href={certificatePdfUrl(cert.id)} target="_blank" data-testid="learn-cert-pdf">
            {t('learn.certs.pdf')}
          </Button>
          <Button size="small" icon={<QrcodeOutlined />} onClick={() => setQr((v) => !v)} data-testid="learn-cert-show-qr">
            {t('learn.certs.qr')}
          </Button>
        </Flex>
      )}
      {qr && <VerifyQr url={cert.verifyUrl} />}
    </List.Item>
  );
}

/** 我的证书: each with its PDF and the QR that verifies it; 加载更多 under the list while there are more. */
export function CertificateList() {
  const t = useT();
  const certs = useMyCertificates();
  if (certs.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (certs.isError) return <LoadError error={certs.error} onRetry={() => void certs.refetch()} />;
  if (certs.data.pages[0].items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learn.certs.empty')} />;
  return (
    <>
      <List dataSource={pagedItems(certs.data)} renderItem={(c) => <CertificateItem cert={c} />} />
      <LoadMore query={certs} />
    </>
  );
}
