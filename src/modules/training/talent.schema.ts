import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PageQuery } from '../../kernel/http/paging.js';
import { SUPPORT_KINDS, TALENT_KINDS, TALENT_STATUSES } from './follow-up.tables.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const TalentQuery = Type.Object({
  ...PageQuery.properties,
  township: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  status: Type.Optional(StringEnum(TALENT_STATUSES)),
});
export type TalentFilter = Omit<Static<typeof TalentQuery>, 'limit' | 'cursor'>;

export const TalentCreateBody = Type.Object({
  kind: StringEnum(TALENT_KINDS, { description: 'person: one trainee; team: a named team of trainees' }),
  traineeId: Type.Optional(Id),
  teamName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  members: Type.Optional(Type.Array(Id, { minItems: 2, maxItems: 50, uniqueItems: true, description: 'team: its trainees' })),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'team: its township (a township operator’s own; a person’s is the trainee’s)' })),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type TalentCreate = Static<typeof TalentCreateBody>;

export const TalentUpdateBody = Type.Object({
  status: Type.Optional(StringEnum(TALENT_STATUSES)),
  statusNote: Type.Optional(Type.String({ maxLength: 500 })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  teamName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type TalentUpdate = Static<typeof TalentUpdateBody>;

export const SupportCreateBody = Type.Object({
  kind: StringEnum(SUPPORT_KINDS, { description: '资金扶持 / 贷款贴息 / 免费场地 / 奖励 / 其他' }),
  amountFen: Type.Integer({ minimum: 0, maximum: 100_000_000_00 }),
  givenOn: Type.String({ format: 'date' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type SupportCreate = Static<typeof SupportCreateBody>;

export const SupportSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(SUPPORT_KINDS),
  kindName: Type.String(),
  amountFen: Type.Integer(),
  givenOn: Type.String(),
  note: Type.String(),
  recordedBy: Type.String(),
  createdAt: Type.String(),
});

export const TalentSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(TALENT_KINDS),
  name: Type.String(),
  members: Type.Array(Type.Object({ traineeId: Type.String(), name: Type.String(), idNumber: Type.String({ description: 'masked' }), villageName: Nullable(Type.String()), poor: Type.Boolean() })),
  townshipCode: Type.String(),
  townshipName: Type.String(),
  reason: Type.String(),
  status: StringEnum(TALENT_STATUSES),
  statusName: Type.String(),
  statusNote: Type.String(),
  support: Type.Array(SupportSchema),
  supportFen: Type.Integer({ description: 'the support’s amounts together' }),
  nominatedBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type TalentView = Static<typeof TalentSchema>;
