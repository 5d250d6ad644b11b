import { useEffect, useState } from 'react';
import { App, Col, Divider, Form, Input, InputNumber, Row } from 'antd';
import { useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api/http.js';
import { useRegisterHousehold } from '../../../api/parties.js';
import { normalizeIdentifier } from '../../../app/identifiers.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { AccountSelect } from '../../../app/ui/AccountSelect.js';
import { formRules } from '../../../app/ui/formRules.js';
import { identifierVerdict } from '../../../app/ui/identifierVerdict.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { HouseholdStatusFields } from '../shared/HouseholdStatusFields.js';
import { emptyHousehold, HOUSEHOLD_NO_PATTERN, toNewHousehold, type HouseholdCreateValues } from './householdForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

/**
 * 登记贫困户 (county admin): register number, village, head and ID number, members, status and, optionally, the
 * household's own account. One idempotency key per opened form, so a double click registers it once.
 */
export function HouseholdCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<HouseholdCreateValues>();
  const register = useRegisterHousehold();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errors = useServerErrors(form, { describe: (error) => identifierVerdict(error, t) });
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const onFinish = (values: HouseholdCreateValues) => {
    clear();
    register.mutate(
      { household: toNewHousehold(values), idempotencyKey },
      {
        onSuccess: (household) => {
          void message.success(t('household.create.done', { no: household.householdNo }));
          onClose();
          void navigate(`/parties/households/${household.id}`);
        },
        onError: errors.show,
      },
    );
  };

  const headId = t('household.field.headId');
  return (
    <FormDrawer title={t('household.create.title')} open={open} onClose={onClose} width={600} saving={register.isPending} onSave={() => form.submit()} saveTestId="save-new-household" saveLabel={t('common.create')}>
      <Form<HouseholdCreateValues> form={form} name="household-create" layout="vertical" initialValues={emptyHousehold()} onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('household.section.basic')}
        </Divider>
        <Form.Item
          name="householdNo"
          label={t('household.field.no')}
          extra={t('household.noHint')}
          rules={[rules.required(t('household.field.no')), { pattern: HOUSEHOLD_NO_PATTERN, message: t('household.noInvalid') }]}
        >
          <Input maxLength={32} styles={{ input: { fontFamily: 'monospace' } }} />
        </Form.Item>
        <PlaceFields
          villageField="villageCode"
          villageRequired
          townshipLabel={t('household.field.township')}
          villageLabel={t('household.field.village')}
          testIds={{ township: 'household-township', village: 'household-village' }}
        />

        <Divider titlePlacement="start">{t('household.section.head')}</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="headName" label={t('household.field.headName')} rules={[rules.required(t('household.field.headName')), rules.max(t('household.field.headName'), 50)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="members" label={t('household.field.members')} rules={[rules.chosen(t('household.field.members'))]}>
              <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} suffix={t('household.membersUnit')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="headIdNumber"
          label={headId}
          extra={t('form.idNumberHint')}
          normalize={normalizeIdentifier}
          validateFirst
          rules={[rules.required(headId), rules.idNumber]}
        >
          <Input maxLength={18} showCount spellCheck={false} styles={{ input: { fontFamily: 'monospace' } }} />
        </Form.Item>

        <Divider titlePlacement="start">{t('household.section.status')}</Divider>
        <HouseholdStatusFields />
        <Form.Item name="userId" label={t('household.field.account')} extra={t('household.accountHint')}>
          <AccountSelect />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
