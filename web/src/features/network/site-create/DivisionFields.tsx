import { useEffect, useMemo } from 'react';
import { Form, Select, Typography } from 'antd';
import { SITE_KIND_LEVEL, useCounty, useSites, type SiteKind } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import type { SiteCreateValues } from './siteCreateForm.js';

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
  const sameKind = useSites({ kind, townshipCode: level === 'village' ? townshipCode : undefined }, level === 'township' || (level === 'village' && !!townshipCode));

  // The county's code may arrive after a county kind was chosen.
  useEffect(() => {
    if (level === 'county' && county.data && form.getFieldValue('divisionCode') !== county.data.code) form.setFieldValue('divisionCode', county.data.code);
  }, [level, county.data, form]);

  // Placeholder data is the previous filter's answer (another kind, or every site): it says nothing about this kind.
  const sites = sameKind.isPlaceholderData ? undefined : sameKind.data;
  const taken = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const site of sites ?? []) if (site.kind === kind) map.set(site.divisionCode, [...(map.get(site.divisionCode) ?? []), site.name]);
    return map;
  }, [sites, kind]);

  const kindName = kind ? t(`siteKind.${kind}`) : '';
  const note = (code: string) => (taken.get(code) ? t('site.create.hasSite', { kind: kindName }) : null);
  const alreadyHas = divisionCode && taken.get(divisionCode) && (
    <Typography.Text type="warning" data-testid="division-taken">
      {t('site.create.alreadyHas', { kind: kindName, names: taken.get(divisionCode)!.join('、') })}
    </Typography.Text>
  );

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
    return <PlaceFields townshipField="divisionCode" extra={alreadyHas} note={note} testIds={{ township: 'site-township' }} />;
  }
  return <PlaceFields villageField="divisionCode" villageRequired extra={alreadyHas} note={note} testIds={{ township: 'site-township', village: 'site-village' }} />;
}
