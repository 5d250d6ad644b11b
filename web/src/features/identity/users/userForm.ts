import type { Role, User } from '../../../api/auth.js';
import type { NewUser, Scope, UserChanges } from '../../../api/identity.js';
import { isMasked } from '../../../app/phone.js';

/** The server's user-name rule. */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;

/** The scope the roles need: a township operator its township, a village operator its site, everyone else the county. */
export function scopeKindFor(roles: readonly Role[] | undefined): Scope['kind'] {
  if (roles?.includes('township_operator')) return 'township';
  if (roles?.includes('village_operator')) return 'site';
  return 'county';
}

/** A township operator and a village operator need different scopes, so one account cannot be both. */
export const rolesConflict = (roles: readonly Role[] | undefined) => !!roles?.includes('township_operator') && !!roles.includes('village_operator');

export interface UserFormValues {
  username: string;
  displayName: string;
  phone: string;
  roles: Role[];
  /** The kind follows from the roles; the form holds the id only. */
  scope: { id?: string };
  /** New accounts: the initial password. Existing ones: the new password when `resetPassword` is on. */
  password: string;
  status: User['status'];
  resetPassword: boolean;
  removePhone: boolean;
}

export const emptyUser = (): UserFormValues => ({
  username: '',
  displayName: '',
  phone: '',
  roles: [],
  scope: {},
  password: '',
  status: 'active',
  resetPassword: false,
  removePhone: false,
});

export function toFormValues(user: User): UserFormValues {
  return {
    ...emptyUser(),
    username: user.username,
    displayName: user.displayName,
    phone: isMasked(user.phone) ? '' : (user.phone ?? ''),
    roles: [...user.roles],
    scope: { id: user.scope.id },
    status: user.status,
  };
}

const scopeOf = (values: UserFormValues): Scope => ({ kind: scopeKindFor(values.roles), id: values.scope.id ?? '' });

export function toNewUser(values: UserFormValues): NewUser {
  const phone = values.phone.trim();
  return {
    username: values.username.trim(),
    displayName: values.displayName.trim(),
    password: values.password,
    ...(phone && { phone }),
    roles: [...values.roles],
    scope: scopeOf(values),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed, as the PATCH body; an unchanged form gives `{}`. */
export function toChanges(user: User, values: UserFormValues): UserChanges {
  const changes: UserChanges = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) changes.displayName = displayName;

  const phone = values.phone.trim();
  if (values.removePhone) {
    if (user.phone !== null) changes.phone = null;
  } else if (isMasked(user.phone)) {
    // Left empty over a masked number: the stored one stays.
    if (phone) changes.phone = phone;
  } else if (phone !== (user.phone ?? '')) {
    changes.phone = phone || null;
  }

  if (!sameSet(values.roles, user.roles)) changes.roles = [...values.roles];
  const scope = scopeOf(values);
  if (scope.kind !== user.scope.kind || scope.id !== user.scope.id) changes.scope = scope;
  if (values.status !== user.status) changes.status = values.status;
  if (values.resetPassword && values.password) changes.password = values.password;
  return changes;
}
