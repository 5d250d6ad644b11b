import { useEffect, useMemo, useRef } from 'react';
import { Flex, Form, Select, Typography } from 'antd';
import type { Role } from '../../../api/auth.js';
import type { Scope } from '../../../api/identity.js';
import { useCounty, useDivisions, useSites } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { scopeKindFor, type UserFormValues } from './userForm.js';

interface SiteOption {
  value: string;
  label: string;
  township: string;
}

/**
 * The scope the chosen roles need: the county (fixed), a township, or a village service point found by name.
 * When the roles call for another kind of scope, the choice starts again (or returns to the account's own).
 */
export function ScopeField({ initial }: { initial?: Scope }) {
  const t = useT();
  const rules = formRules(t);
  const form = Form.useFormInstance<UserFormValues>();
  const roles = Form.useWatch('roles', form) as Role[] | undefined;
  const kind = scopeKindFor(roles);
  const scopeId = Form.useWatch(['scope', 'id'], form) as string | undefined;
  const county = useCounty();
  const townships = useDivisions('township', kind === 'township');
  const sites = useSites({}, kind === 'site');

  const lastKind = useRef(kind);
  useEffect(() => {
    if (lastKind.current === kind) return;
    lastKind.current = kind;
    form.setFieldValue(['scope', 'id'], kind === initial?.kind ? initial.id : undefined);
  }, [kind, initial, form]);
  // The county scope is fixed: the county's own code (which may arrive after the form opened).
  useEffect(() => {
    if (kind === 'county' && county.data && scopeId !== county.data.code) form.setFieldValue(['scope', 'id'], county.data.code);
  }, [kind, scopeId, county.data, form]);

  // Village points, plus the account's current site should it be of another kind.
  const siteOptions = useMemo<SiteOption[]>(
    () =>
      (sites.data ?? [])
        .filter((s) => s.kind === 'village_point' || (initial?.kind === 'site' && s.id === initial.id))
        .map((s) => ({ value: s.id, label: s.name, township: s.townshipName ?? '' })),
    [sites.data, initial],
  );

  if (kind === 'county') {
    return (
      <Form.Item name={['scope', 'id']} label={t('users.field.scope')} extra={t('users.scope.countyHint')}>
        <Select disabled loading={county.isPending} options={county.data ? [{ value: county.data.code, label: t('users.scope.countyFixed', { county: county.data.name }) }] : []} />
      </Form.Item>
    );
  }
  if (kind === 'township') {
    return (
      <Form.Item name={['scope', 'id']} label={t('users.field.township')} rules={[rules.chosen(t('users.field.township'))]} extra={t('users.scope.townshipHint')}>
        <Select
          data-testid="user-scope-township"
          showSearch={{ optionFilterProp: 'label' }}
          loading={townships.isPending}
          options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={['scope', 'id']} label={t('users.field.site')} rules={[rules.chosen(t('users.field.site'))]} extra={t('users.scope.siteHint')}>
      <Select<string, SiteOption>
        data-testid="user-scope-site"
        showSearch={{ optionFilterProp: ['label', 'township'] }}
        placeholder={t('users.scope.siteSearch')}
        loading={sites.isPending}
        options={siteOptions}
        optionRender={(option) => (
          <Flex justify="space-between" gap={8}>
            <span>{option.data.label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.township}
            </Typography.Text>
          </Flex>
        )}
      />
    </Form.Item>
  );
}
