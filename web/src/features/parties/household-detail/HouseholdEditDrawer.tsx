import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useUpdateHousehold, type Household } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { AccountSelect } from '../../../app/ui/AccountSelect.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { HouseholdStatusFields } from '../shared/HouseholdStatusFields.js';
import { toEditValues, toHouseholdChanges, type HouseholdEditValues } from './householdEditForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { useEditForm } from '../../../app/ui/useEditForm.js';

interface Props {
  household: Household;
  open: boolean;
  onClose: () => void;
}

/** Head's name, members, status (with the year lifted) and the household's account; number, village and ID stay. */
export function HouseholdEditDrawer({ household, open, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<HouseholdEditValues>();
  const update = useUpdateHousehold(household.id);
  const errors = useServerErrors(form);

  const onFinish = useEditForm({ form, open, source: household, toValues: toEditValues, changesOf: (values: HouseholdEditValues) => toHouseholdChanges(household, values), save: update.mutate, errors, onClose });

  return (
    <FormDrawer title={t('household.edit.title', { no: household.householdNo })} open={open} onClose={onClose} width={560} saving={update.isPending} onSave={() => form.submit()} saveTestId="save-household">
      <Form<HouseholdEditValues> form={form} name="household-edit" layout="vertical" initialValues={toEditValues(household)} onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
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
        <HouseholdStatusFields />
        <Form.Item name="userId" label={t('household.field.account')} extra={t('household.accountHint')}>
          <AccountSelect />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
