import { useEffect, useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { newIdempotencyKey } from '../../api/http.js';
import { useDivisions } from '../../api/network.js';
import { PLAYER_KINDS, useRegisterPlayer, type NewPlayer, type PlayerKind } from '../../api/players.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { FormDrawer } from '../../app/ui/FormDrawer.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';

interface Values {
  name: string;
  kind: PlayerKind;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  townshipCode: string;
  villageCode?: string;
  notes?: string;
}

/** 登记市场主体: a township operator registers in its own township only (the township is fixed for it). */
export function PlayerRegisterDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const register = useRegisterPlayer();
  const [key, setKey] = useState('');
  const townships = useDivisions('township');
  const villages = useDivisions('village');
  const ownTownship = user.scope.kind === 'township' && !user.roles.includes('county_admin') ? user.scope.id : undefined;
  const township = Form.useWatch('townshipCode', form);

  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    if (ownTownship) form.setFieldValue('townshipCode', ownTownship);
  }, [open]);

  const save = async () => {
    const values = await form.validateFields();
    const player: NewPlayer = { ...values, creditCode: values.creditCode.trim().toUpperCase(), villageCode: values.villageCode ?? null, notes: values.notes ?? '' };
    try {
      await register.mutateAsync({ player, idempotencyKey: key });
      void message.success(t('player.registered'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  const required = [{ required: true, message: t('player.form.required') }];

  return (
    <FormDrawer title={t('players.register')} open={open} onClose={onClose} width={520} saving={register.isPending} onSave={() => void save()} saveTestId="player-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="name" label={t('player.form.name')} rules={required}>
          <Input maxLength={100} data-testid="player-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('player.form.kind')} rules={required}>
          <Select options={PLAYER_KINDS.map((k) => ({ value: k, label: t(`playerKind.${k}`) }))} data-testid="player-kind" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('player.form.creditCode')} extra={t('player.form.creditCodeHelp')} rules={[...required, { len: 18, message: t('player.form.creditCodeHelp') }]}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="player-credit-code" />
        </Form.Item>
        <Form.Item name="contactName" label={t('player.form.contactName')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('player.form.contactPhone')} rules={[...required, { pattern: /^1\d{10}$/, message: t('player.form.phoneInvalid') }]}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="townshipCode" label={t('player.form.township')} rules={required}>
          <Select
            disabled={!!ownTownship}
            showSearch={{ optionFilterProp: 'label' }}
            options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            onChange={() => form.setFieldValue('villageCode', undefined)}
          />
        </Form.Item>
        <Form.Item name="villageCode" label={t('player.form.village')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(villages.data ?? []).filter((v) => v.parentCode === township).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('player.form.notes')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
