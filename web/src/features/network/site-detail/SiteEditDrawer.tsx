import { Alert, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { SITE_STATUSES, useUpdateSite, type SiteDetail } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { isMasked } from '../../../app/phone.js';
import { OperatorFields } from '../shared/OperatorFields.js';
import { SiteInfoFields } from '../shared/SiteInfoFields.js';
import { toChanges, toFormValues, type SiteFormValues } from './siteForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { useEditForm } from '../../../app/ui/useEditForm.js';

interface Props {
  site: SiteDetail;
  open: boolean;
  onClose: () => void;
  /** The county or the site's own township may appoint the operator; a village operator may not. */
  mayAppoint: boolean;
}

/** Edits a site and sends only what changed; a 400 from the server marks the field it names. */
export function SiteEditDrawer({ site, open, onClose, mayAppoint }: Props) {
  const t = useT();
  const [form] = Form.useForm<SiteFormValues>();
  const update = useUpdateSite(site.id);
  const status = Form.useWatch('status', form);
  const statusChanged = status !== undefined && status !== site.status;
  const errors = useServerErrors(form);
  const rules = formRules(t);

  const onFinish = useEditForm({ form, open, source: site, toValues: toFormValues, changesOf: (values: SiteFormValues) => toChanges(site, values, mayAppoint), save: update.mutate, errors, onClose });

  return (
    <FormDrawer title={t('site.edit.title', { name: site.name })} open={open} onClose={onClose} width={640} saving={update.isPending} onSave={() => form.submit()} saveTestId="save-site">
      <Form<SiteFormValues> form={form} name="site-edit" layout="vertical" onFinish={onFinish} initialValues={toFormValues(site)} scrollToFirstError>
        {errors.banner}
        <SiteInfoFields />

        <Divider titlePlacement="start">{t('site.edit.statusChange')}</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('site.field.status')} rules={[{ required: true }]}>
              <Select options={SITE_STATUSES.map((s) => ({ value: s, label: t(`siteStatus.${s}`) }))} />
            </Form.Item>
          </Col>
          {statusChanged && (
            <Col xs={24} sm={12}>
              <Form.Item name="statusDate" label={t('site.field.statusDate')} rules={[rules.chosen(t('site.field.statusDate'))]}>
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {statusChanged && (
          <Form.Item name="statusNote" label={t('site.field.statusNote')} rules={[rules.max(t('site.field.statusNote'), 200)]}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('site.edit.statusNoteHint')} />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('site.section.operator')}</Divider>
        {mayAppoint ? (
          <OperatorFields maskedPhone={isMasked(site.operator?.phone) ? site.operator?.phone : null} />
        ) : (
          <Alert type="info" showIcon title={t('site.edit.operatorLocked')} />
        )}
      </Form>
    </FormDrawer>
  );
}
