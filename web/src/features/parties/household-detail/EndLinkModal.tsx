import { useEffect } from 'react';
import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEndLink, type HouseholdLink } from '../../../api/parties.js';
import { todayInShanghai } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Props {
  link: HouseholdLink;
  sellerName: string;
  open: boolean;
  onClose: () => void;
}

/** 结束关联 on a date after it began; sales before that date still credit the household. */
export function EndLinkModal({ link, sellerName, open, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<{ validTo: Dayjs | null }>();
  const end = useEndLink();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  // The earliest end: the day after it began. It starts at today, or at that day for a link that begins later.
  const first = dayjs(link.validFrom).add(1, 'day');

  useEffect(() => {
    if (!open) return;
    const today = dayjs(todayInShanghai());
    const earliest = dayjs(link.validFrom).add(1, 'day');
    form.resetFields();
    form.setFieldsValue({ validTo: today.isAfter(earliest) ? today : earliest });
    clear();
  }, [open, link.validFrom, form, clear]);

  const onFinish = ({ validTo }: { validTo: Dayjs | null }) => {
    clear();
    end.mutate(
      { linkId: link.id, validTo: validTo!.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('link.end.done'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      title={t('link.end.title', { seller: sellerName })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('link.end')}
      okButtonProps={{ danger: true, loading: end.isPending }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} name="link-end" layout="vertical" onFinish={onFinish}>
        {errors.banner}
        <Form.Item name="validTo" label={t('link.end.validTo')} rules={[rules.chosen(t('link.end.validTo'))]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isBefore(first, 'day')} data-testid="link-end-date" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('link.end.hint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
