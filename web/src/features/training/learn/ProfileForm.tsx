import { Button, Card, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useMe } from '../../../api/auth.js';
import { useSaveProfile, type MyTraining, type ProfileInput } from '../../../api/learning.js';
import { normalizeIdentifier } from '../../../app/identifiers.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Fields {
  name: string;
  idNumber: string;
  townshipCode: string;
  villageCode: string;
  flags: ('poor' | 'disabled' | 'partyMember')[];
}

/**
 * 填写学员信息: name, ID number, township → village by name, and the groups the plan counts. A record a trainer entered
 * from a roster is claimed by the same ID number (the server decides; a record of another account is refused with
 * 请联系培训老师). Woman and youth follow from the ID number, so they are not asked.
 */
export function ProfileForm({ title, onSaved }: { title?: string; onSaved?: (mine: MyTraining) => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<Fields>();
  const save = useSaveProfile();
  const errors = useServerErrors(form);
  const user = useMe().data;

  const onFinish = (fields: Fields) => {
    errors.clear();
    const body: ProfileInput = {
      name: fields.name.trim(),
      idNumber: normalizeIdentifier(fields.idNumber),
      // The account's own phone (a texted-code account has one): the trainer can reach the trainee by it.
      ...(user?.phone && /^1\d{10}$/.test(user.phone) && { phone: user.phone }),
      townshipCode: fields.townshipCode,
      villageCode: fields.villageCode,
      poor: fields.flags.includes('poor'),
      disabled: fields.flags.includes('disabled'),
      partyMember: fields.flags.includes('partyMember'),
    };
    save.mutate(body, { onSuccess: (mine) => onSaved?.(mine), onError: errors.show });
  };

  return (
    <Card size="small" title={title ?? t('learn.form.title')} data-testid="learn-profile-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('learn.form.intro')}
      </Typography.Paragraph>
      {errors.banner}
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ flags: [] }}
        onFinish={onFinish}
        onValuesChange={errors.clear}
      >
        <Form.Item name="name" label={t('learn.form.name')} rules={[{ required: true, whitespace: true, message: t('learn.form.nameRequired') }, rules.max(t('learn.form.name'), 32)]}>
          <Input maxLength={32} autoComplete="name" data-testid="learn-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('learn.form.idNumber')}
          normalize={(value: string) => normalizeIdentifier(value).slice(0, 18)}
          rules={[{ required: true, message: t('learn.form.idNumberRequired') }, rules.idNumber]}
        >
          <Input maxLength={18} inputMode="text" autoComplete="off" data-testid="learn-id-number" />
        </Form.Item>
        <PlaceFields villageField="villageCode" villageRequired townshipLabel={t('learn.form.township')} villageLabel={t('learn.form.village')} testIds={{ township: 'learn-township', village: 'learn-village' }} />
        <Form.Item name="flags" label={t('learn.form.flags')}>
          <Checkbox.Group data-testid="learn-flags">
            <Flex vertical gap={6}>
              <Checkbox value="poor">{t('learn.flag.poor')}</Checkbox>
              <Checkbox value="disabled">{t('learn.flag.disabled')}</Checkbox>
              <Checkbox value="partyMember">{t('learn.flag.partyMember')}</Checkbox>
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="learn-profile-submit">
          {t('learn.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
