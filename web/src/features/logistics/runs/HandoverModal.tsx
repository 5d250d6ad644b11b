import { useEffect } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { ApiError } from '../../../api/http.js';
import { useHandover, type RunStop } from '../../../api/logistics-runs.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Props {
  runId: string;
  stop: RunStop | null;
  /** The stop's operator, offered as the signer. */
  operatorName?: string | null;
  /** At a township transfer station: the parcels for the township's villages, scanned as arrived in the township. */
  passing?: number;
  onClose: () => void;
}

/** 交接签收: the name of who takes this stop's parcels; they arrive at their point and the stop's produce is loaded. */
export function HandoverModal({ runId, stop, operatorName, passing = 0, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<{ signedBy: string }>();
  const handover = useHandover();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const open = !!stop;
  const label = t('logistics.runs.handover.signer');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
  }, [open, form, clear]);

  const onFinish = ({ signedBy }: { signedBy: string }) => {
    if (!stop) return;
    clear();
    handover.mutate(
      { id: runId, siteId: stop.siteId, signedBy: signedBy.trim() },
      {
        onSuccess: () => {
          void message.success(t('logistics.runs.handover.done', { stop: stop.name, name: signedBy.trim() }));
          onClose();
        },
        onError: (error) => {
          // Signed meanwhile on another device, or the run is no longer on the road: the page shows the truth now.
          if (error instanceof ApiError && (error.code === 'STOP_SIGNED' || error.code === 'RUN_STATE')) {
            void message.warning(error.code === 'STOP_SIGNED' ? t('logistics.runs.handover.already') : errorText(error, t));
            onClose();
          } else errors.show(error);
        },
      },
    );
  };

  return (
    <Modal
      title={stop ? t('logistics.runs.handover.title', { stop: stop.name }) : ''}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('logistics.runs.handover.ok')}
      okButtonProps={{ loading: handover.isPending, 'data-testid': 'handover-confirm' }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} name="logistics-handover" layout="vertical" onFinish={onFinish} initialValues={{ signedBy: '' }}>
        {errors.banner}
        {stop && (
          <Typography.Paragraph style={{ marginTop: 0 }}>
            {passing > 0 ? t('logistics.runs.handover.summaryTransfer', { down: stop.dropOff.length, passing, up: stop.pickUp.length }) : t('logistics.runs.handover.summary', { down: stop.dropOff.length, up: stop.pickUp.length })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="signedBy"
          label={label}
          rules={[rules.required(label), rules.max(label, 40)]}
          extra={
            operatorName ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldsValue({ signedBy: operatorName })}>
                {t('logistics.runs.handover.useOperator', { name: operatorName })}
              </Button>
            ) : (
              t('logistics.runs.handover.hint')
            )
          }
        >
          <Input maxLength={40} autoFocus placeholder={t('logistics.runs.handover.placeholder')} data-testid="handover-signer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
