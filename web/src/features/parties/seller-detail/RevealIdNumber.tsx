import { Button, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useRevealIdNumber, type Seller } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** A farmer's masked ID number and, for the account managing the seller, 查看完整号码 (asked for on each click). */
export function RevealIdNumber({ seller, mayReveal }: { seller: Seller; mayReveal: boolean }) {
  const t = useT();
  const reveal = useRevealIdNumber(seller.id);
  const full = reveal.data;
  return (
    <Space size={8} wrap>
      <Typography.Text style={{ fontFamily: 'monospace' }} copyable={full ? { text: full } : false} data-testid="seller-id-number-value">
        {full ?? seller.idNumber ?? '—'}
      </Typography.Text>
      {mayReveal &&
        (full ? (
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => reveal.reset()} style={{ paddingInline: 0 }}>
            {t('seller.hide')}
          </Button>
        ) : (
          <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()} style={{ paddingInline: 0 }} data-testid="reveal-id-number">
            {t('seller.reveal')}
          </Button>
        ))}
    </Space>
  );
}
