import { useEffect, useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { useCreateBrand } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

/** 新增区域公共品牌: a name (unique) and what it stands for. One idempotency key per opened form. */
export function BrandCreateModal({ open, onClose }: { open: boolean; onClose: (brandId?: string) => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<{ name: string; description: string }>();
  const create = useCreateBrand();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const name = t('brand.field.name');
  const description = t('brand.field.description');
  return (
    <Modal title={t('brand.create.title')} open={open} onCancel={() => onClose()} onOk={() => form.submit()} okText={t('common.save')} okButtonProps={{ loading: create.isPending }} cancelText={t('common.cancel')} forceRender>
      <Form
        form={form}
        name="brand-create"
        layout="vertical"
        initialValues={{ name: '', description: '' }}
        onFinish={(v) => {
          clear();
          create.mutate(
            { idempotencyKey, brand: { name: v.name.trim(), description: v.description.trim() } },
            {
              onSuccess: (brand) => {
                void message.success(t('brand.create.done', { name: brand.name }));
                onClose(brand.id);
              },
              onError: errors.show,
            },
          );
        }}
      >
        {errors.banner}
        <Form.Item name="name" label={name} rules={[rules.required(name), rules.max(name, 30)]}>
          <Input maxLength={30} placeholder={t('brand.nameHint')} />
        </Form.Item>
        <Form.Item name="description" label={description} rules={[rules.max(description, 2000)]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
