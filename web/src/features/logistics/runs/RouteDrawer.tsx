import { useEffect, useMemo, useState } from 'react';
import { App, Button, Checkbox, Col, Divider, Flex, Form, Input, Radio, Row, Select, Switch, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { ROUTE_MODES, type RouteMode } from '../../../api/logistics.js';
import type { SiteKind, SiteStatus } from '../../../api/network.js';
import { useSaveRoute, type DeliveryRoute, type RouteInput } from '../../../api/logistics-runs.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { WEEKDAYS } from './dispatchLabels.js';
import { useStopSites } from './useStopSites.js';

interface StopOption {
  value: string;
  label: string;
  kind: string;
  status: string;
  disabled: boolean;
}

interface RouteValues {
  name: string;
  mode: RouteMode;
  stops: (string | undefined)[];
  departures: string[];
  weekdays: number[];
  vehicle: string;
  active: boolean;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SUGGESTED_TIMES = ['07:00', '07:30', '08:00', '09:00', '10:00', '13:00', '14:00', '15:30'];
const KIND_COLOR: Record<string, string> = { township_transfer: 'orange', village_delivery: 'gold', village_point: 'cyan' };

/** 7:5 → 07:05; the tags select keeps what was typed, so times are tidied, de-duplicated and sorted here. */
function tidyTimes(values: string[] | undefined): string[] {
  const out = (values ?? []).map((v) => {
    const m = /^(\d{1,2})[:：.](\d{1,2})$/.exec(v.trim());
    return m ? `${m[1].padStart(2, '0')}:${m[2].padStart(2, '0')}` : v.trim();
  });
  return [...new Set(out)].filter(Boolean).sort();
}

const emptyRoute = (): RouteValues => ({ name: '', mode: 'county_truck', stops: [undefined], departures: ['07:30'], weekdays: [...WEEKDAYS], vehicle: '', active: true });

const valuesOf = (route: DeliveryRoute): RouteValues => ({
  name: route.name,
  mode: route.mode,
  stops: route.stops.map((s) => s.siteId),
  departures: route.departures,
  weekdays: route.weekdays,
  vehicle: route.vehicle ?? '',
  active: route.active,
});

/**
 * 新建线路 / 编辑线路: name, mode, the stops in the order the run visits them (township transfer stations and village
 * points), the departure times, the weekdays and the usual vehicle. A PUT replaces the whole route.
 */
export function RouteDrawer({ open, route, onClose }: { open: boolean; route: DeliveryRoute | null; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<RouteValues>();
  const save = useSaveRoute();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const sites = useStopSites(open);
  const chosen = Form.useWatch('stops', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(route ? valuesOf(route) : emptyRoute());
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, route, form, clear]);

  const options = useMemo(() => {
    const taken = new Set((chosen ?? []).filter(Boolean));
    const groups = new Map<string, { label: string; options: StopOption[] }>();
    for (const s of sites.sites) {
      const key = s.townshipCode ?? '';
      const group = groups.get(key) ?? { label: s.townshipName ?? t('common.unknown'), options: [] };
      group.options.push({ value: s.id, label: s.name, kind: s.kind, status: s.status, disabled: taken.has(s.id) });
      groups.set(key, group);
    }
    // A stop of the route that is no longer listed (closed) still shows by name.
    for (const stop of route?.stops ?? []) {
      if (!sites.byId.has(stop.siteId)) groups.set(`~${stop.siteId}`, { label: t('logistics.runs.route.otherSites'), options: [{ value: stop.siteId, label: stop.name, kind: '', status: 'closed', disabled: taken.has(stop.siteId) }] });
    }
    return [...groups.values()];
  }, [sites.sites, sites.byId, chosen, route, t]);

  const onFinish = (values: RouteValues) => {
    clear();
    const body: RouteInput = {
      name: values.name.trim(),
      mode: values.mode,
      stops: values.stops.filter((s): s is string => !!s),
      departures: tidyTimes(values.departures),
      weekdays: [...values.weekdays].sort(),
      vehicle: values.vehicle.trim() || null,
      active: values.active,
    };
    save.mutate(
      { id: route?.id, route: body, idempotencyKey },
      {
        onSuccess: (saved) => {
          void message.success(t(route ? 'logistics.runs.route.saved' : 'logistics.runs.route.created', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          // The server names a stop or a time by its index: body.stops[2], body.departures[0].
          const m = error instanceof ApiError ? /^body\.(stops|departures|weekdays)\[(\d+)\]/.exec(error.field ?? '') : null;
          if (m) {
            const text = errorText(error, t);
            if (m[1] === 'stops') form.setFields([{ name: ['stops', Number(m[2])], errors: [text] }]);
            else form.setFields([{ name: m[1] as 'departures' | 'weekdays', errors: [text] }]);
            void message.error(text);
          } else errors.show(error);
        },
      },
    );
  };

  const nameLabel = t('logistics.runs.route.name');
  return (
    <FormDrawer
      title={route ? t('logistics.runs.route.editTitle', { name: route.name }) : t('logistics.runs.route.newTitle')}
      open={open}
      onClose={onClose}
      width={640}
      saving={save.isPending}
      onSave={() => form.submit()}
      saveTestId="route-save"
      saveLabel={route ? t('common.save') : t('common.create')}
    >
      <Form<RouteValues> form={form} name="logistics-route" layout="vertical" initialValues={emptyRoute()} onFinish={onFinish} scrollToFirstError>
        {errors.banner}
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={nameLabel} rules={[rules.required(nameLabel), rules.max(nameLabel, 60)]}>
              <Input maxLength={60} placeholder={t('logistics.runs.route.namePlaceholder')} data-testid="route-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="vehicle" label={t('logistics.runs.route.vehicle')} rules={[rules.max(t('logistics.runs.route.vehicle'), 40)]}>
              <Input maxLength={40} placeholder={t('logistics.runs.route.vehiclePlaceholder')} data-testid="route-vehicle" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mode" label={t('logistics.runs.route.mode')} rules={[rules.chosen(t('logistics.runs.route.mode'))]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="route-mode" options={ROUTE_MODES.map((m) => ({ value: m, label: t(`logistics.runs.mode.${m}`) }))} />
        </Form.Item>

        <Divider titlePlacement="start">{t('logistics.runs.route.stops')}</Divider>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('logistics.runs.route.stopsHint')}
        </Typography.Paragraph>
        <Form.List
          name="stops"
          rules={[
            {
              validator: async (_, value: (string | undefined)[] | undefined) => {
                if (!value || value.filter(Boolean).length === 0) throw new Error(t('logistics.runs.route.stopsRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors: listErrors }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Tag color="blue" style={{ marginTop: 5, minWidth: 28, textAlign: 'center', marginInlineEnd: 0 }}>
                    {index + 1}
                  </Tag>
                  <Form.Item name={field.name} style={{ flex: 1, minWidth: 0, marginBottom: 12 }} rules={[rules.chosen(t('logistics.runs.route.stop'))]}>
                    <Select
                      data-testid={`route-stop-${index}`}
                      placeholder={t('logistics.runs.route.stopPlaceholder')}
                      loading={sites.pending}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={options}
                      optionRender={(option) => {
                        const data = option.data as unknown as StopOption;
                        return (
                          <Flex justify="space-between" gap={8}>
                            <span>{option.label}</span>
                            {data.kind && (
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t(`siteKind.${data.kind as SiteKind}`)}
                                {data.status !== 'operating' && ` · ${t(`siteStatus.${data.status as SiteStatus}`)}`}
                              </Typography.Text>
                            )}
                          </Flex>
                        );
                      }}
                      labelRender={(label) => {
                        const site = sites.byId.get(String(label.value));
                        return (
                          <Flex gap={6} align="center">
                            {site && <Tag color={KIND_COLOR[site.kind]} style={{ marginInlineEnd: 0 }}>{t(`siteKind.${site.kind}`)}</Tag>}
                            <span>{site?.name ?? label.label}</span>
                          </Flex>
                        );
                      }}
                    />
                  </Form.Item>
                  <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('logistics.runs.route.moveUp')} />
                  <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('logistics.runs.route.moveDown')} />
                  <Button icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} aria-label={t('logistics.runs.route.removeStop')} />
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()} data-testid="route-add-stop" disabled={fields.length >= 60}>
                {t('logistics.runs.route.addStop')}
              </Button>
              <Form.ErrorList errors={listErrors} />
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('logistics.runs.route.timetable')}</Divider>
        <Form.Item
          name="departures"
          label={t('logistics.runs.route.departures')}
          extra={t('logistics.runs.route.departuresHint')}
          normalize={(value: string[]) => tidyTimes(value)}
          rules={[
            {
              validator: async (_, value: string[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('form.choose', { field: t('logistics.runs.route.departures') }));
                const bad = value.find((v) => !TIME.test(v));
                if (bad) throw new Error(t('logistics.runs.route.timeInvalid', { value: bad }));
                if (value.length > 12) throw new Error(t('logistics.runs.route.tooManyTimes'));
              },
            },
          ]}
        >
          <Select mode="tags" data-testid="route-departures" tokenSeparators={[',', '，', ' ']} options={SUGGESTED_TIMES.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="weekdays" label={t('logistics.runs.route.weekdays')} rules={[{ type: 'array', min: 1, message: t('form.choose', { field: t('logistics.runs.route.weekdays') }) }]}>
          <Checkbox.Group data-testid="route-weekdays" options={WEEKDAYS.map((d) => ({ value: d, label: t(`logistics.runs.weekday.${d}`) }))} />
        </Form.Item>
        {route && (
          <Form.Item name="active" label={t('logistics.runs.route.active')} valuePropName="checked" extra={t('logistics.runs.route.activeHint')}>
            <Switch data-testid="route-active" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
