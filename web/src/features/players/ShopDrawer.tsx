import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { newIdempotencyKey } from '../../api/http.js';
import { PLATFORMS, useAddShop, type Platform } from '../../api/players.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { FormDrawer } from '../../app/ui/FormDrawer.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';

interface Values {
  platform: Platform;
  name: string;
  url?: string;
  openedOn: Dayjs;
}

/** 登记店铺: a player's shop on another platform. */
export function ShopDrawer({ playerId, open, onClose }: { playerId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const add = useAddShop(playerId);
  const [key, setKey] = useState('');

  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
  }, [open]);

  const save = async () => {
    const values = await form.validateFields();
    try {
      await add.mutateAsync({ shop: { platform: values.platform, name: values.name.trim(), url: values.url?.trim() || null, openedOn: values.openedOn.format('YYYY-MM-DD') }, idempotencyKey: key });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  const required = [{ required: true, message: t('player.form.required') }];

  return (
    <FormDrawer title={t('shop.add')} open={open} onClose={onClose} width={480} saving={add.isPending} onSave={() => void save()} saveTestId="shop-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="platform" label={t('shop.col.platform')} rules={required}>
          <Select options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} data-testid="shop-platform" />
        </Form.Item>
        <Form.Item name="name" label={t('shop.col.name')} rules={required}>
          <Input maxLength={100} data-testid="shop-name" />
        </Form.Item>
        <Form.Item name="url" label={t('shop.form.url')} rules={[{ pattern: /^https?:\/\/\S+$/i, message: t('shop.form.urlInvalid') }]}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="openedOn" label={t('shop.col.openedOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} data-testid="shop-opened" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
