import { Type, type Static } from 'typebox';
import { Nullable } from '../../kernel/http/schema.js';

/** Field names as in an order's `shipTo`, so a saved address is sent as one. */
const Name = Type.String({ minLength: 1, maxLength: 50, description: 'the receiver' });
const Phone = Type.String({ pattern: '^1\\d{10}$', description: "the receiver's 11-digit mobile number" });
const DivisionCode = Type.String({ pattern: '^(\\d{6}|\\d{12})$', description: 'a village of this county (12 digits), or the 6-digit code of a county elsewhere in China' });
const Address = Type.String({ minLength: 1, maxLength: 200, description: 'street and number, or village group' });

export const AddressCreateBody = Type.Object({
  name: Name,
  phone: Phone,
  divisionCode: DivisionCode,
  address: Address,
  isDefault: Type.Optional(Type.Boolean({ description: 'make it the default; the first address is the default anyway' })),
});
export type AddressInput = Static<typeof AddressCreateBody>;

export const AddressUpdateBody = Type.Object({
  name: Type.Optional(Name),
  phone: Type.Optional(Phone),
  divisionCode: Type.Optional(DivisionCode),
  address: Type.Optional(Address),
});
export type AddressChanges = Static<typeof AddressUpdateBody>;

export const AddressSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Type.String({ description: 'in full: only its owner reads it' }),
  divisionCode: Type.String(),
  inCounty: Type.Boolean({ description: 'a village of this county; otherwise a county elsewhere' }),
  townshipName: Nullable(Type.String(), { description: "the village's township, in this county" }),
  villageName: Nullable(Type.String(), { description: 'the village or community, in this county' }),
  address: Type.String(),
  isDefault: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AddressView = Static<typeof AddressSchema>;
