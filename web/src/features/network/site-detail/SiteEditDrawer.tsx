import { useEffect } from 'react';
import { Alert, App, Button, Checkbox, Col, DatePicker, Divider, Drawer, Flex, Form, Grid, Input, InputNumber, Row, Select, Switch } from 'antd';
import { ApiError } from '../../../api/http.js';
import { SITE_SERVICES, SITE_STATUSES, useUpdateSite, type SiteDetail } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { OperatorFields } from './OperatorFields.js';
import { formPath, toChanges, toFormValues, type SiteFormValues } from './siteForm.js';

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
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const status = Form.useWatch('status', form);
  const statusChanged = status !== undefined && status !== site.status;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(site));
  }, [open, site, form]);

  const required = (field: string) => ({ required: true, whitespace: true, message: t('site.edit.required', { field }) });
  const max = (field: string, n: number) => ({ max: n, message: t('site.edit.tooLong', { field, max: n }) });

  const onFinish = (values: SiteFormValues) => {
    const changes = toChanges(site, values, mayAppoint);
    if (Object.keys(changes).length === 0) {
      void message.info(t('site.edit.noChanges'));
      onClose();
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (error) => {
        const text = errorText(error, t);
        const path = error instanceof ApiError ? formPath(error.field) : undefined;
        if (path) form.setFields([{ name: path as Parameters<typeof form.setFields>[0][number]['name'], errors: [text] }]);
        void message.error(text);
      },
    });
  };

  return (
    <Drawer
      title={t('site.edit.title', { name: site.name })}
      open={open}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="save-site">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<SiteFormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={toFormValues(site)} scrollToFirstError>
        <Form.Item name="name" label={t('site.field.name')} rules={[required(t('site.field.name')), max(t('site.field.name'), 100)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('site.field.address')} rules={[required(t('site.field.address')), max(t('site.field.address'), 200)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="longitude" label={t('site.field.longitude')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="latitude" label={t('site.field.latitude')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="floorAreaM2" label={t('site.field.floorArea')}>
              <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="openingHours" label={t('site.field.openingHours')} rules={[max(t('site.field.openingHours'), 100)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="services" label={t('site.field.services')}>
          <Checkbox.Group options={SITE_SERVICES.map((s) => ({ value: s, label: t(`service.${s}`) }))} />
        </Form.Item>

        <Divider titlePlacement="start">{t('site.edit.statusChange')}</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('site.field.status')} rules={[{ required: true }]}>
              <Select options={SITE_STATUSES.map((s) => ({ value: s, label: t(`siteStatus.${s}`) }))} />
            </Form.Item>
          </Col>
          {statusChanged && (
            <Col xs={24} sm={12}>
              <Form.Item name="statusDate" label={t('site.field.statusDate')} rules={[{ required: true, message: t('site.edit.required', { field: t('site.field.statusDate') }) }]}>
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {statusChanged && (
          <Form.Item name="statusNote" label={t('site.field.statusNote')} rules={[max(t('site.field.statusNote'), 200)]}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('site.edit.statusNoteHint')} />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('site.section.operator')}</Divider>
        {mayAppoint ? (
          <>
            <Form.Item name="hasOperator" label={t('site.edit.hasOperator')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <OperatorFields site={site} />
          </>
        ) : (
          <Alert type="info" showIcon title={t('site.edit.operatorLocked')} />
        )}
      </Form>
    </Drawer>
  );
}
