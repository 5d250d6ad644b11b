import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Divider, Form, Row, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api/http.js';
import { SITE_KIND_LEVEL, SITE_KINDS, SITE_STATUSES, useCounty, useCreateSite, type Division, type SiteKind } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { OperatorFields } from '../shared/OperatorFields.js';
import { SiteInfoFields } from '../shared/SiteInfoFields.js';
import { DivisionFields } from './DivisionFields.js';
import { emptySite, placeFor, toNewSite, type SiteCreateValues } from './siteCreateForm.js';
import { useNameExample } from './useNameExample.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

const LEVELS: Division['level'][] = ['county', 'township', 'village'];

/**
 * Opens a site (county admin): kind first, then the division its level needs, the site's details, its initial
 * status and, if known, its operator. One idempotency key per opened form, so a double click opens one site.
 */
export function SiteCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<SiteCreateValues>();
  const create = useCreateSite();
  const county = useCounty();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const kind = Form.useWatch('kind', form);
  const townshipCode = Form.useWatch('townshipCode', form);
  const divisionCode = Form.useWatch('divisionCode', form);
  const nameExample = useNameExample(kind, townshipCode, divisionCode);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  // Choosing another township clears the village inside PlaceFields; another kind may move the place's level.
  const onValuesChange = (changed: Partial<SiteCreateValues>, all: SiteCreateValues) => {
    if (changed.kind) form.setFieldsValue(placeFor(SITE_KIND_LEVEL[changed.kind], all, county.data?.code));
  };

  const onFinish = (values: SiteCreateValues) => {
    clear();
    create.mutate(
      { site: toNewSite(values), idempotencyKey },
      {
        onSuccess: (site) => {
          void message.success(t('site.create.created', { name: site.name }));
          onClose();
          void navigate(`/network/sites/${site.id}`);
        },
        onError: errors.show,
      },
    );
  };

  const kindOptions = LEVELS.map((level) => ({
    label: t(`site.level.${level}`),
    options: SITE_KINDS.filter((k) => SITE_KIND_LEVEL[k] === level).map((k) => ({ value: k, label: t(`siteKind.${k}`) })),
  }));

  return (
    <FormDrawer title={t('site.create.title')} open={open} onClose={onClose} width={640} saving={create.isPending} onSave={() => form.submit()} saveTestId="save-new-site" saveLabel={t('common.create')}>
      <Form<SiteCreateValues> form={form} name="site-create" layout="vertical" initialValues={emptySite()} onValuesChange={onValuesChange} onFinish={onFinish} scrollToFirstError>
        {errors.banner}
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('site.create.section.place')}
        </Divider>
        <Form.Item name="kind" label={t('site.field.kind')} rules={[rules.chosen(t('site.field.kind'))]} extra={t('site.create.kindHint')}>
          <Select<SiteKind> data-testid="site-kind" options={kindOptions} />
        </Form.Item>
        <DivisionFields kind={kind} />

        <Divider titlePlacement="start">{t('site.section.basic')}</Divider>
        <SiteInfoFields namePlaceholder={nameExample} />

        <Divider titlePlacement="start">{t('site.create.section.status')}</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('site.field.status')} rules={[rules.chosen(t('site.field.status'))]}>
              <Select data-testid="site-status" options={SITE_STATUSES.map((s) => ({ value: s, label: t(`siteStatus.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="statusDate" label={t('site.field.statusDate')} rules={[rules.chosen(t('site.field.statusDate'))]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('site.section.operator')}</Divider>
        <OperatorFields />
      </Form>
    </FormDrawer>
  );
}
