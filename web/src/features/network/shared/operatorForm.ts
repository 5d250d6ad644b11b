import type { Operator, OperatorInput } from '../../../api/network.js';
import { isMasked } from '../../../app/phone.js';

export interface OperatorValues {
  name: string;
  phone: string;
  poorHousehold: boolean;
  disabled: boolean;
  partyMember: boolean;
}

/** The operator part of a site form: the "has an operator" switch and the operator's fields. */
export interface OperatorFormValues {
  hasOperator: boolean;
  operator: OperatorValues;
}

/** The form's operator fields for a stored operator (a masked phone is left empty), or empty ones. */
export function toOperatorValues(op: Operator | null): OperatorFormValues {
  return {
    hasOperator: !!op,
    operator: {
      name: op?.name ?? '',
      phone: op && !isMasked(op.phone) ? (op.phone ?? '') : '',
      poorHousehold: op?.poorHousehold ?? false,
      disabled: op?.disabled ?? false,
      partyMember: op?.partyMember ?? false,
    },
  };
}

/**
 * The operator as sent. `stored` is the operator the site has now, if any: its platform account is kept, and a
 * phone left empty over a masked number is omitted, so the server keeps the stored one for the same person.
 */
export function toOperatorInput(v: OperatorValues, stored: Operator | null = null): OperatorInput {
  return {
    userId: stored?.userId ?? null,
    name: v.name.trim(),
    phone: v.phone.trim() || (isMasked(stored?.phone) ? undefined : null),
    poorHousehold: v.poorHousehold,
    disabled: v.disabled,
    partyMember: v.partyMember,
  };
}
