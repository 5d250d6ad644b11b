import { useEffect, useMemo } from 'react';
import { Col, Flex, Form, Row, Select, Tag, Typography } from 'antd';
import { SITE_KIND_LEVEL, useCounty, useDivisions, useSites, useVillages, type Division, type SiteKind } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import type { SiteCreateValues } from './siteCreateForm.js';

interface DivisionOption {
  value: string;
  label: string;
  poor: boolean;
  /** Names of the sites of the chosen kind already standing in this division. */
  taken: string[];
}

/**
 * Where the new site stands, at the level its kind fixes: the county (fixed), a township, or a township and then
 * one of its villages. Divisions that already have a site of this kind say so.
 */
export function DivisionFields({ kind }: { kind: SiteKind | undefined }) {
  const t = useT();
  const rules = formRules(t);
  const form = Form.useFormInstance<SiteCreateValues>();
  const level = kind ? SITE_KIND_LEVEL[kind] : undefined;
  const townshipCode = Form.useWatch('townshipCode', form);
  const divisionCode = Form.useWatch('divisionCode', form);
  const county = useCounty();
  const townships = useDivisions('township', level === 'township' || level === 'village');
  const villages = useVillages(level === 'village' ? townshipCode : undefined);
  const sameKind = useSites({ kind, townshipCode: level === 'village' ? townshipCode : undefined }, level === 'township' || (level === 'village' && !!townshipCode));

  // The county's code may arrive after a county kind was chosen.
  useEffect(() => {
    if (level === 'county' && county.data && form.getFieldValue('divisionCode') !== county.data.code) form.setFieldValue('divisionCode', county.data.code);
  }, [level, county.data, form]);

  const taken = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const site of sameKind.data ?? []) map.set(site.divisionCode, [...(map.get(site.divisionCode) ?? []), site.name]);
    return map;
  }, [sameKind.data]);
  const options = (list: Division[] | undefined): DivisionOption[] =>
    (list ?? []).map((d) => ({ value: d.code, label: d.name, poor: d.isPoorVillage, taken: taken.get(d.code) ?? [] }));

  const kindName = kind ? t(`siteKind.${kind}`) : '';
  const renderOption = (option: { data: DivisionOption }) => (
    <Flex justify="space-between" align="center" gap={8}>
      <span>{option.data.label}</span>
      <Flex gap={4} align="center">
        {option.data.poor && (
          <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
            {t('site.create.poorVillage')}
          </Tag>
        )}
        {option.data.taken.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('site.create.hasSite', { kind: kindName })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
  const alreadyHas = divisionCode && taken.get(divisionCode) && (
    <Typography.Text type="warning" data-testid="division-taken">
      {t('site.create.alreadyHas', { kind: kindName, names: taken.get(divisionCode)!.join('、') })}
    </Typography.Text>
  );
  const select = { showSearch: { optionFilterProp: 'label' }, optionRender: renderOption, style: { width: '100%' } } as const;

  if (!level) {
    return (
      <Form.Item label={t('site.field.division')}>
        <Select disabled placeholder={t('site.create.chooseKind')} />
      </Form.Item>
    );
  }
  if (level === 'county') {
    return (
      <Form.Item name="divisionCode" label={t('site.field.division')} rules={[rules.chosen(t('site.field.division'))]}>
        <Select disabled loading={county.isPending} options={county.data ? [{ value: county.data.code, label: county.data.name }] : []} />
      </Form.Item>
    );
  }
  if (level === 'township') {
    return (
      <Form.Item name="divisionCode" label={t('site.field.township')} rules={[rules.chosen(t('site.field.township'))]} extra={alreadyHas}>
        <Select {...select} data-testid="site-township" loading={townships.isPending} options={options(townships.data)} />
      </Form.Item>
    );
  }
  return (
    <Row gutter={16}>
      <Col xs={24} sm={10}>
        <Form.Item name="townshipCode" label={t('site.field.township')} rules={[rules.chosen(t('site.field.township'))]}>
          <Select showSearch={{ optionFilterProp: 'label' }} data-testid="site-township" loading={townships.isPending} options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item name="divisionCode" label={t('site.create.village')} rules={[rules.chosen(t('site.create.village'))]} extra={alreadyHas}>
          <Select
            {...select}
            data-testid="site-village"
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
