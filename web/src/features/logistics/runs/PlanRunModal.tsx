import { useEffect, useMemo } from 'react';
import { App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { ApiError } from '../../../api/http.js';
import { usePlanRun, type DeliveryRoute, type Run } from '../../../api/logistics-runs.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { clockTime, weekdayOf } from './dispatchLabels.js';

interface PlanValues {
  routeId?: string;
  departure?: string;
  driver: string;
  vehicle: string;
}

interface Props {
  open: boolean;
  date: string;
  routes: DeliveryRoute[];
  /** The day's runs, to mark the departures already planned. */
  runs: Run[];
  /** The route to start with (from a route's row). */
  routeId?: string;
  onClose: () => void;
  onPlanned: (run: Run) => void;
}

/** 安排车次: a route, one of its departures, and who drives; the run gathers every carrier's parcels for its stops. */
export function PlanRunModal({ open, date, routes, runs, routeId, onClose, onPlanned }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<PlanValues>();
  const plan = usePlanRun();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const weekday = weekdayOf(date);
  const chosenId = Form.useWatch('routeId', form);
  const chosen = routes.find((r) => r.id === chosenId);

  const planned = useMemo(() => new Set(runs.map((r) => `${r.routeId}@${clockTime(r.departsAt)}`)), [runs]);
  const runsOn = (r: DeliveryRoute) => r.active && r.weekdays.includes(weekday);
  const firstFree = (r: DeliveryRoute | undefined) => r?.departures.find((d) => !planned.has(`${r.id}@${d}`));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    const start = routes.find((r) => r.id === routeId);
    form.setFieldsValue({ routeId: start?.id, departure: firstFree(start), driver: '', vehicle: '' });
    // Only when the modal opens: later changes of the day's runs must not overwrite what the user chose.
  }, [open]);

  const onValuesChange = (changed: Partial<PlanValues>) => {
    if ('routeId' in changed) form.setFieldsValue({ departure: firstFree(routes.find((r) => r.id === changed.routeId)) });
  };

  const onFinish = (values: PlanValues) => {
    clear();
    plan.mutate(
      { routeId: values.routeId!, date, departure: values.departure, driver: values.driver.trim() || undefined, vehicle: values.vehicle.trim() || undefined },
      {
        onSuccess: (run) => {
          void message.success(t('logistics.runs.plan.done', { route: run.routeName, time: clockTime(run.departsAt), count: run.parcels }));
          onPlanned(run);
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'RUN_EXISTS') {
            const text = t('logistics.runs.plan.exists');
            form.setFields([{ name: 'departure', errors: [text] }]);
            void message.warning(text);
          } else if (error instanceof ApiError && error.field === 'body.date') {
            const text = t('logistics.runs.plan.notThatDay');
            form.setFields([{ name: 'routeId', errors: [text] }]);
            void message.error(text);
          } else errors.show(error);
        },
      },
    );
  };

  const routeOptions = routes
    .filter((r) => r.active)
    .map((r) => ({
      value: r.id,
      label: r.name,
      disabled: !runsOn(r),
      title: runsOn(r) ? undefined : t('logistics.runs.plan.notThatDay'),
    }));

  return (
    <Modal
      title={t('logistics.runs.plan.title', { date })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('logistics.runs.plan.ok')}
      okButtonProps={{ loading: plan.isPending, 'data-testid': 'plan-run-submit' }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form<PlanValues> form={form} name="logistics-plan-run" layout="vertical" onFinish={onFinish} onValuesChange={onValuesChange} initialValues={{ driver: '', vehicle: '' }}>
        {errors.banner}
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('logistics.runs.plan.hint')}
        </Typography.Paragraph>
        <Form.Item name="routeId" label={t('logistics.runs.plan.route')} rules={[rules.chosen(t('logistics.runs.plan.route'))]}>
          <Select
            data-testid="run-route"
            showSearch={{ optionFilterProp: 'label' }}
            options={routeOptions}
            optionRender={(option) => (
              <span>
                {option.label}
                {option.data.disabled && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                    {t('logistics.runs.plan.notThatDay')}
                  </Typography.Text>
                )}
              </span>
            )}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="departure" label={t('logistics.runs.plan.departure')} rules={[rules.chosen(t('logistics.runs.plan.departure'))]}>
              <Select
                data-testid="run-departure"
                disabled={!chosen}
                options={(chosen?.departures ?? []).map((d) => {
                  const taken = planned.has(`${chosen!.id}@${d}`);
                  return { value: d, label: taken ? `${d} ${t('logistics.runs.plan.taken')}` : d, disabled: taken };
                })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="driver" label={t('logistics.runs.driver')} rules={[rules.max(t('logistics.runs.driver'), 40)]}>
              <Input maxLength={40} data-testid="run-driver" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="vehicle" label={t('logistics.runs.vehicle')} rules={[rules.max(t('logistics.runs.vehicle'), 40)]}>
              <Input maxLength={40} placeholder={chosen?.vehicle ?? undefined} data-testid="run-vehicle" />
            </Form.Item>
          </Col>
        </Row>
        {chosen && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('logistics.runs.plan.stops', { stops: chosen.stops.map((s) => s.name).join(' → ') })}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
