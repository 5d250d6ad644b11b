import type { ReactNode } from 'react';
import { Col, Flex, Form, Row, Select, Tag, Typography } from 'antd';
import { useDivisions, useVillages, type Division } from '../../api/network.js';
import { useT } from '../locale/LocaleContext.js';
import { formRules } from './formRules.js';

interface PlaceOption {
  value: string;
  label: string;
  poor: boolean;
  note: ReactNode;
}

interface Props {
  /** The form field holding the township's code (default `townshipCode`). */
  townshipField?: string;
  /** The form field holding the village's code; without it only a township is chosen. */
  villageField?: string;
  /** Whether a village must be chosen; otherwise the township alone will do. */
  villageRequired?: boolean;
  townshipLabel?: string;
  villageLabel?: string;
  /** Under the township's select (when it is the place) or the village's. */
  extra?: ReactNode;
  /** A short remark at the right of an option, e.g. "已有村级服务点". */
  note?: (code: string) => ReactNode;
  testIds?: { township?: string; village?: string };
}

/**
 * Where something stands in the county: a township, or a township and then one of its villages (poor villages
 * marked). Choosing another township clears the village.
 */
export function PlaceFields({ townshipField = 'townshipCode', villageField, villageRequired = false, townshipLabel, villageLabel, extra, note, testIds }: Props) {
  const t = useT();
  const rules = formRules(t);
  const form = Form.useFormInstance();
  const townshipCode = Form.useWatch(townshipField, form) as string | undefined;
  const townships = useDivisions('township');
  const villages = useVillages(villageField ? townshipCode : undefined);
  const township = townshipLabel ?? t('site.field.township');
  const village = villageLabel ?? t('site.create.village');

  const options = (list: Division[] | undefined): PlaceOption[] =>
    (list ?? []).map((d) => ({ value: d.code, label: d.name, poor: d.isPoorVillage, note: note?.(d.code) }));
  const renderOption = (option: { data: PlaceOption }) => (
    <Flex justify="space-between" align="center" gap={8}>
      <span>{option.data.label}</span>
      <Flex gap={4} align="center">
        {option.data.poor && (
          <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
            {t('site.create.poorVillage')}
          </Tag>
        )}
        {option.data.note && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.note}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
  const select = { showSearch: { optionFilterProp: 'label' }, optionRender: renderOption, style: { width: '100%' } } as const;

  const townshipItem = (
    <Form.Item name={townshipField} label={township} rules={[rules.chosen(township)]} extra={villageField ? undefined : extra}>
      <Select
        {...select}
        data-testid={testIds?.township}
        loading={townships.isPending}
        options={options(townships.data)}
        onChange={() => villageField && form.setFieldValue(villageField, undefined)}
      />
    </Form.Item>
  );
  if (!villageField) return townshipItem;
  return (
    <Row gutter={16}>
      <Col xs={24} sm={10}>
        {townshipItem}
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item name={villageField} label={village} rules={villageRequired ? [rules.chosen(village)] : []} extra={extra}>
          <Select
            {...select}
            data-testid={testIds?.village}
            allowClear={!villageRequired}
            disabled={!townshipCode}
            placeholder={townshipCode ? undefined : t('site.create.chooseTownship')}
            loading={villages.isFetching}
            options={options(villages.data)}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
