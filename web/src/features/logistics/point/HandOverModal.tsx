import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Typography } from 'antd';
import { ApiError } from '../../../api/http.js';
import type { Parcel } from '../../../api/logistics.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { useOnline } from '../../../app/useOnline.js';

/** A 400 PICKUP_CODE_WRONG: the code typed is not this parcel's. */
export const isWrongCode = (error: unknown) => error instanceof ApiError && error.code === 'PICKUP_CODE_WRONG';

/** A 409 PICKUP_CODE_LOCKED: five wrong codes; only a new code (sent by 再次通知) hands the parcel over. */
export const isLockedCode = (error: unknown) => error instanceof ApiError && error.code === 'PICKUP_CODE_LOCKED';

/** A 409 ALREADY_PICKED_UP: another phone handed the parcel over first; when, if the server said. */
const handedOverAt = (error: unknown): string | null | undefined =>
  error instanceof ApiError && error.code === 'ALREADY_PICKED_UP' ? ((error.details as { at?: string } | undefined)?.at ?? null) : undefined;

interface Props {
  parcel: Parcel | null;
  onClose: () => void;
  onSubmit: (parcel: Parcel, code: string) => Promise<'done' | 'queued'>;
}

/** 交付: the operator types the six digits the recipient shows; a wrong code keeps the modal open and says so. */
export function HandOverModal({ parcel, onClose, onSubmit }: Props) {
  return parcel ? <HandOverForm key={parcel.id} parcel={parcel} onClose={onClose} onSubmit={onSubmit} /> : null;
}

function HandOverForm({ parcel, onClose, onSubmit }: Props & { parcel: Parcel }) {
  const t = useT();
  const online = useOnline();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const ready = /^\d{6}$/.test(code);

  const submit = async () => {
    if (!ready || saving) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit(parcel, code);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const wrong = isWrongCode(error);
  const locked = isLockedCode(error);
  const already = handedOverAt(error);
  return (
    <Modal
      open
      centered
      title={t('logistics.point.handover.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex gap={8}>
          <Button size="large" block onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button size="large" block type="primary" disabled={!ready} loading={saving} onClick={() => void submit()} data-testid="handover-ok">
            {t('logistics.point.handover.ok')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {parcel.recipientName}
        </Typography.Text>{' '}
        <span style={{ fontFamily: 'monospace' }}>{parcel.waybillNo}</span>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('logistics.point.handover.hint')}</Typography.Paragraph>
      <Input
        autoFocus
        size="large"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        status={wrong || locked ? 'error' : undefined}
        placeholder="······"
        aria-label={t('logistics.point.handover.code')}
        onChange={(e) => {
          setCode(e.target.value.replace(/\D/g, '').slice(0, 6));
          if (error) setError(null);
        }}
        onPressEnter={() => void submit()}
        style={{ fontSize: 28, letterSpacing: 12, textAlign: 'center', fontFamily: 'monospace' }}
        data-testid="handover-code"
      />
      {!online && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('logistics.point.handover.offline')} data-testid="handover-offline" />}
      {wrong || locked ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t(locked ? 'logistics.point.handover.locked' : 'logistics.point.handover.wrong')}
          description={t(locked ? 'logistics.point.handover.lockedHint' : 'logistics.point.handover.wrongHint')}
          data-testid={locked ? 'pickup-code-locked' : 'pickup-code-wrong'}
        />
      ) : (
        error !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={already !== undefined ? t('logistics.point.handover.already', { waybill: parcel.waybillNo ?? '', time: already ? formatDateTime(already).slice(5, 16) : '' }) : errorText(error, t)}
            data-testid="handover-error"
            data-code={error instanceof ApiError ? error.code : ''}
          />
        )
      )}
    </Modal>
  );
}
