import { useEffect, useMemo, useRef } from 'react';
import { Flex, Form, Input, Select, Typography } from 'antd';
import { useServicePoints } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';

interface PointOption {
  value: string;
  label: string;
  place: string;
  hours: string;
}

/**
 * The village point that takes the cash (代收): chosen from the operating points, nearest the delivery village first;
 * the delivery village's own point is chosen to begin with.
 * Where the list cannot be had, the point's number (e.g. site_ld3_530621110205) is typed instead.
 */
export function PickupPointField({ near }: { near?: string }) {
  const t = useT();
  const rules = formRules(t);
  const points = useServicePoints();
  const label = t('checkout.field.pickup');
  const form = Form.useFormInstance();
  const chosen = Form.useWatch('pickupSiteId', form) as string | undefined;
  // The point of the address's own village is chosen for the shopper, until they choose another themselves.
  const suggested = useRef<string | undefined>(undefined);
  const ownVillagePoint = near?.length === 12 ? points.data?.find((p) => p.divisionCode === near)?.id : undefined;
  useEffect(() => {
    if (!ownVillagePoint || (chosen && chosen !== suggested.current)) return;
    suggested.current = ownVillagePoint;
    if (chosen !== ownVillagePoint) form.setFieldValue('pickupSiteId', ownVillagePoint);
  }, [ownVillagePoint, chosen, form]);
  const options = useMemo<PointOption[]>(() => {
    const closeness = (code: string) => (!near ? 0 : code === near ? 3 : code.startsWith(near.slice(0, 9)) ? 2 : 0);
    return [...(points.data ?? [])]
      .sort((a, b) => closeness(b.divisionCode) - closeness(a.divisionCode) || a.divisionCode.localeCompare(b.divisionCode))
      .map((p) => ({ value: p.id, label: p.name, place: [p.townshipName, p.divisionName].filter(Boolean).join(' '), hours: p.openingHours }));
  }, [points.data, near]);

  if (points.isError) {
    return (
      <Form.Item name="pickupSiteId" label={label} extra={t('checkout.pickupIdHint')} rules={[rules.required(label), rules.max(label, 64)]}>
        <Input maxLength={64} styles={{ input: { fontFamily: 'monospace' } }} data-testid="pickup-id" />
      </Form.Item>
    );
  }
  return (
    <Form.Item name="pickupSiteId" label={label} extra={t('checkout.pickupHint')} rules={[rules.chosen(label)]}>
      <Select<string, PointOption>
        data-testid="pickup-point"
        loading={points.isPending}
        placeholder={t('checkout.pickupSearch')}
        showSearch={{ filterOption: (input, option) => !!option && `${option.label} ${option.place} ${option.value}`.includes(input.trim()) }}
        options={options}
        optionRender={(option) => (
          <Flex vertical>
            <span>{option.data.label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.place} · {option.data.hours}
            </Typography.Text>
          </Flex>
        )}
      />
    </Form.Item>
  );
}
