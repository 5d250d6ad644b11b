import { Type } from 'typebox';
import { ROLES } from '../../kernel/context.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';

export const RoleSchema = StringEnum([...ROLES]);
export const ScopeSchema = Type.Object({
  kind: StringEnum(['county', 'township', 'site']),
  id: Type.String({ minLength: 1, maxLength: 64, description: 'county code, township code or site id' }),
});

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  phone: Nullable(Type.String(), { description: 'masked unless it is your own' }),
  roles: Type.Array(RoleSchema),
  scope: ScopeSchema,
  status: StringEnum(['active', 'disabled']),
  lockedUntil: Nullable(Type.String(), { description: 'deprecated, always null: wrong passwords now make an address wait for a user name, and never lock the account' }),
  isDemo: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

const Username = Type.String({ pattern: '^[a-z0-9_.-]{3,32}$', description: '3–32 lower-case letters, digits, _ . -' });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const Phone = Type.String({ pattern: '^1\\d{10}$', description: '11-digit mobile number' });

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Password });
export const PasswordChangeBody = Type.Object({ currentPassword: Password, newPassword: Password });

export const UserCreateBody = Type.Object({
  username: Username,
  displayName: Type.String({ minLength: 1, maxLength: 64 }),
  password: Password,
  phone: Type.Optional(Phone),
  roles: Type.Array(RoleSchema, { minItems: 1 }),
  scope: ScopeSchema,
});

export const UserUpdateBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  phone: Type.Optional(Nullable(Phone)),
  roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1 })),
  scope: Type.Optional(ScopeSchema),
  status: Type.Optional(StringEnum(['active', 'disabled'])),
  password: Type.Optional(Password),
});

export const UserListQuery = Type.Object({
  role: Type.Optional(RoleSchema),
  q: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  userId: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String(), { description: 'null only on tokens made before expiries; those are refused' }),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

export const TokenCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  userId: Type.Optional(Type.String({ maxLength: 64, description: 'yourself only; tokens cannot be made for another user' })),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90, description: 'days until the token stops working; 90 when not given' })),
});

export const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  entityType: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const AuditRecordSchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  actorUsername: Nullable(Type.String()),
  actorVia: Nullable(StringEnum(['session', 'token', 'system']), { description: 'how the actor acted; null on records older than this field' }),
  actorTokenId: Nullable(Type.String(), { description: 'the API token used, when actorVia is token' }),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  ip: Type.String(),
  requestId: Type.String(),
  details: Type.Unknown(),
  actorName: Nullable(Type.String(), { description: "the actor's display name; null when the platform acted by itself (系统)" }),
  entityName: Nullable(Type.String(), { description: 'the name a person knows the record by (a site’s name, a parcel’s waybill tail and masked recipient); null when it has none' }),
});
