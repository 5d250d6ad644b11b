import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { CheckOutlined, CloseOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useDecideSeller, type Seller } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { ReasonModal } from './ReasonModal.js';

/**
 * The county office's decisions, by status: a pending application is approved or rejected (with a reason), an
 * approved seller suspended (with a reason), a suspended one reinstated. Each asks for confirmation first.
 */
export function ReviewActions({ seller }: { seller: Seller }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const decide = useDecideSeller(seller.id);
  const [asking, setAsking] = useState<{ action: 'reject' | 'suspend'; open: boolean } | null>(null);

  /** Approve and reinstate need no reason: a confirm dialog that closes whatever the answer (the page reloads). */
  const confirm = (action: 'approve' | 'reinstate') =>
    modal.confirm({
      title: t(action === 'approve' ? 'seller.confirm.approve' : 'seller.confirm.reinstate', { name: seller.name }),
      content: t(action === 'approve' ? 'seller.confirm.approveBody' : 'seller.confirm.reinstateBody'),
      okText: t(`seller.action.${action}`),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await decide.mutateAsync({ action });
          void message.success(t(`seller.done.${action}`));
        } catch (error) {
          void message.error(errorText(error, t));
        }
      },
    });

  return (
    <>
      <Space wrap>
        {seller.status === 'pending' && (
          <>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => confirm('approve')} data-testid="approve-seller">
              {t('seller.action.approve')}
            </Button>
            <Button danger icon={<CloseOutlined />} onClick={() => setAsking({ action: 'reject', open: true })} data-testid="reject-seller">
              {t('seller.action.reject')}
            </Button>
          </>
        )}
        {seller.status === 'approved' && (
          <Button danger icon={<PauseCircleOutlined />} onClick={() => setAsking({ action: 'suspend', open: true })} data-testid="suspend-seller">
            {t('seller.action.suspend')}
          </Button>
        )}
        {seller.status === 'suspended' && (
          <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => confirm('reinstate')} data-testid="reinstate-seller">
            {t('seller.action.reinstate')}
          </Button>
        )}
      </Space>
      {asking && <ReasonModal seller={seller} action={asking.action} open={asking.open} onClose={() => setAsking({ ...asking, open: false })} />}
    </>
  );
}
