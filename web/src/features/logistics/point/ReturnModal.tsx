import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Tag, Typography } from 'antd';
import type { Parcel } from '../../../api/logistics.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';

interface Props {
  parcel: Parcel | null;
  onClose: () => void;
  onSubmit: (parcel: Parcel, note: string) => Promise<void>;
}

const REASONS = ['logistics.point.return.reason.overdue', 'logistics.point.return.reason.refused', 'logistics.point.return.reason.address'] as const;

/** 退回: the parcel goes back to the county, with the reason (one tap for the usual ones). */
export function ReturnModal({ parcel, onClose, onSubmit }: Props) {
  return parcel ? <ReturnForm key={parcel.id} parcel={parcel} onClose={onClose} onSubmit={onSubmit} /> : null;
}

function ReturnForm({ parcel, onClose, onSubmit }: Props & { parcel: Parcel }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const ready = note.trim().length > 0;

  const submit = async () => {
    if (!ready || saving) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit(parcel, note.trim());
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      centered
      title={t('logistics.point.return.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex gap={8}>
          <Button size="large" block onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button size="large" block danger type="primary" disabled={!ready} loading={saving} onClick={() => void submit()} data-testid="return-ok">
            {t('logistics.point.return.ok')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>
        <Typography.Text strong>{parcel.recipientName}</Typography.Text> <span style={{ fontFamily: 'monospace' }}>{parcel.waybillNo}</span>
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {REASONS.map((key) => (
          <Tag.CheckableTag key={key} checked={note === t(key)} onChange={() => setNote(t(key))} style={{ padding: '6px 12px', fontSize: 14, border: '1px solid #d9d9d9' }}>
            {t(key)}
          </Tag.CheckableTag>
        ))}
      </Flex>
      <Input.TextArea rows={2} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('logistics.point.return.note')} data-testid="return-note" />
      {error !== null && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(error, t)} />}
    </Modal>
  );
}
