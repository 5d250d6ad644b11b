import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../api/http.js';
import type { SiteDetail } from '../../api/network.js';
import { useEnrol, type TraineeDetails } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { formRules } from '../../app/ui/formRules.js';
import { PlaceFields } from '../../app/ui/PlaceFields.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';

interface Values {
  name: string;
  idNumber: string;
  phone?: string;
  townshipCode: string;
  villageCode: string;
  flags?: string[];
}

const FLAGS = ['poor', 'disabled', 'partyMember', 'woman', 'youth'] as const;

/** 登记学员: an operator enrols a villager by name, ID number (the same person across rosters), village and flags. */
export function EnrolForm({ sessionId, disabled }: { sessionId: string; disabled?: boolean }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, { fields: { 'trainee.idNumber': ['idNumber'], 'trainee.name': ['name'], 'trainee.phone': ['phone'], 'trainee.villageCode': ['villageCode'] } });
  const enrol = useEnrol(sessionId);
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => setKey(newIdempotencyKey()), [sessionId]);
  // A village point enrols the villagers of its own village: the place is its site's, shown, not chosen.
  const user = useUser();
  const ownSite = user.roles.every((r) => r !== 'county_admin' && r !== 'township_operator' && r !== 'trainer') && user.scope.kind === 'site' ? user.scope.id : null;
  const site = useQuery({ queryKey: ['network', 'site', ownSite ?? ''], queryFn: ({ signal }) => api<SiteDetail>(`/network/sites/${encodeURIComponent(ownSite!)}`, { signal }), enabled: !!ownSite });
  useEffect(() => {
    if (site.data) form.setFieldsValue({ townshipCode: site.data.townshipCode ?? undefined, villageCode: site.data.divisionCode });
  }, [site.data]);

  const submit = async () => {
    const v = await form.validateFields();
    const flags = new Set(v.flags ?? []);
    const trainee: TraineeDetails = {
      name: v.name.trim(),
      idNumber: v.idNumber.trim().toUpperCase(),
      phone: v.phone?.trim() || null,
      townshipCode: v.townshipCode,
      villageCode: v.villageCode,
      poor: flags.has('poor'),
      disabled: flags.has('disabled'),
      partyMember: flags.has('partyMember'),
      // Left blank, the server reads woman and youth from the ID number.
      woman: flags.has('woman') ? true : null,
      youth: flags.has('youth') ? true : null,
    };
    try {
      await enrol.mutateAsync({ body: { trainee }, idempotencyKey: key });
      void message.success(t('enrol.done', { name: trainee.name }));
      form.resetFields(['name', 'idNumber', 'phone', 'flags']);
      setKey(newIdempotencyKey());
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('enrol.intro')}</Typography.Paragraph>
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear} disabled={disabled}>
        <Form.Item name="name" label={t('enrol.name')} rules={[rules.required(t('enrol.name')), rules.max(t('enrol.name'), 50)]}>
          <Input maxLength={50} autoComplete="off" data-testid="enrol-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('enrol.idNumber')} rules={[rules.required(t('enrol.idNumber')), rules.idNumber]}>
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="enrol-id-number" />
        </Form.Item>
        <Form.Item name="phone" label={t('enrol.phone')} rules={[rules.phone]}>
          <Input maxLength={11} inputMode="numeric" autoComplete="off" data-testid="enrol-phone" />
        </Form.Item>
        {ownSite ? (
          <>
            <Form.Item name="townshipCode" hidden>
              <Input />
            </Form.Item>
            <Form.Item name="villageCode" hidden rules={[rules.chosen(t('enrol.village'))]}>
              <Input />
            </Form.Item>
            <Form.Item label={t('enrol.village')}>
              <Typography.Text data-testid="enrol-own-village">{site.data ? [site.data.townshipName, site.data.divisionName].filter(Boolean).join(' ') : ''}</Typography.Text>
            </Form.Item>
          </>
        ) : (
          <PlaceFields villageField="villageCode" villageRequired villageLabel={t('enrol.village')} testIds={{ township: 'enrol-township', village: 'enrol-village' }} />
        )}
        <Form.Item name="flags" label={t('enrol.flags')} extra={t('enrol.flagsHelp')}>
          <Checkbox.Group options={FLAGS.map((f) => ({ value: f, label: t(`traineeFlag.${f}`) }))} data-testid="enrol-flags" />
        </Form.Item>
        <Button type="primary" loading={enrol.isPending} onClick={() => void submit()} data-testid="enrol-submit">
          {t('enrol.submit')}
        </Button>
      </Form>
    </div>
  );
}
