import { Form, Select } from 'antd';
import { ROLES, type Role } from '../../../api/auth.js';
import type { Scope } from '../../../api/identity.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { rolesConflict } from './userForm.js';
import { ScopeField } from './ScopeField.js';

/** Roles, and the scope they need. */
export function AccessFields({ initial }: { initial?: Scope }) {
  const t = useT();
  return (
    <>
      <Form.Item
        name="roles"
        label={t('users.field.roles')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('form.choose', { field: t('users.field.roles') }) },
          { validator: (_, roles: Role[] | undefined) => (rolesConflict(roles) ? Promise.reject(new Error(t('users.rolesConflict'))) : Promise.resolve()) },
        ]}
      >
        <Select<Role[]> mode="multiple" data-testid="user-roles" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      <ScopeField initial={initial} />
    </>
  );
}
