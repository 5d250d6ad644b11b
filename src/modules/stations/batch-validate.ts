import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { Type } from 'typebox';
import { invalidField } from '../../kernel/errors.js';
import type { AnyRecordHandler } from './handlers/types.js';
import { recordSchemaOf } from './stations.schema.js';

const require = createRequire(import.meta.url);

const Envelope = Type.Object(
  { siteId: Type.String({ minLength: 1, maxLength: 64 }), records: Type.Array(Type.Object({ type: Type.String() }), { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

/** `/customer/idNumber` + a missing `name` → `.customer.name`. */
function pathOf(e: ErrorObject): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  if (params.missingProperty) parts.push(params.missingProperty);
  if (params.additionalProperty) parts.push(params.additionalProperty);
  return parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('');
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return 'is not a field of this record type';
  return e.message ?? 'is not valid';
}

/**
 * The batch body checked record by record against its own type's schema (told apart by `type`), so a bad record
 * is named exactly: 400 `body.records[2].amountFen must be >= 0`, and a record whose handler `needsCustomer` without
 * `customer` or `customerId` is 400 `body.records[2].customer`. Used as the route's body validator.
 */
export function batchValidator(handlers: readonly AnyRecordHandler[]) {
  const ajvLibrary = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as (ajv: Ajv) => void;
  const ajv = new ajvLibrary.Ajv({ allErrors: false, strict: false, coerceTypes: false });
  addFormats(ajv);
  const envelope = ajv.compile(Envelope);
  const byType = new Map<string, ValidateFunction>();
  const types = handlers.map((h) => h.type);
  const needsCustomer = new Set(handlers.filter((h) => h.needsCustomer).map((h) => h.type));
  const validatorOf = (type: string) => {
    let v = byType.get(type);
    if (!v) {
      const h = handlers.find((x) => x.type === type);
      if (!h) return undefined;
      v = ajv.compile(recordSchemaOf(h));
      byType.set(type, v);
    }
    return v;
  };
  return (body: unknown): { value: unknown } | { error: Error } => {
    if (!envelope(body)) {
      const e = envelope.errors![0];
      return { error: invalidField(`body${pathOf(e)}`, messageOf(e)) };
    }
    const records = (body as { records: { type: string }[] }).records;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      const validate = validatorOf(record.type);
      if (!validate) return { error: invalidField(`body.records[${i}].type`, `must be one of: ${types.join(', ')}`) };
      if (!validate(record)) {
        const e = validate.errors![0];
        return { error: invalidField(`body.records[${i}]${pathOf(e)}`, messageOf(e)) };
      }
      // A service for a villager names one: a new `customer` or a `customerId` from the desk.
      const withCustomer = record as { customer?: unknown; customerId?: unknown };
      if (needsCustomer.has(record.type) && withCustomer.customer === undefined && withCustomer.customerId === undefined) {
        return { error: invalidField(`body.records[${i}].customer`, 'is required (customer or customerId)') };
      }
    }
    return { value: body };
  };
}
