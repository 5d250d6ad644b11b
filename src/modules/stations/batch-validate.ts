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

const FORMAT_NAMES: Record<string, string> = { 'date-time': '日期时间', date: '日期', time: '时间', email: '邮箱', uri: '网址' };
const TYPE_NAMES: Record<string, string> = { string: '文字', integer: '整数', number: '数字', boolean: '是或否', object: '一组字段', array: '列表' };

/** A bound as the operator knows it: a `…Fen` field's in yuan. */
function limitText(e: ErrorObject, limit: unknown): string {
  const leaf = e.instancePath.split('/').pop() ?? '';
  return /Fen$/.test(leaf) && typeof limit === 'number' ? `${(limit / 100).toFixed(2)} 元` : String(limit);
}

/** Ajv's reason in the words the operator reads on the phone (`未生效：…`); the field stays named by the path. */
function messageOf(e: ErrorObject): string {
  const params = e.params as { limit?: unknown; format?: string; type?: string };
  switch (e.keyword) {
    case 'additionalProperties':
      return '不是这类记录的字段';
    case 'required':
      return '必须填写';
    case 'type':
      return `应为${TYPE_NAMES[params.type ?? ''] ?? '另一种值'}`;
    case 'format':
      return `${FORMAT_NAMES[params.format ?? ''] ?? ''}格式不对`;
    case 'pattern':
      return '格式不对';
    case 'minLength':
      return params.limit === 1 ? '不能为空' : `不能少于 ${String(params.limit)} 个字`;
    case 'maxLength':
      return `不能超过 ${String(params.limit)} 个字`;
    case 'minimum':
      return `不能小于 ${limitText(e, params.limit)}`;
    case 'maximum':
      return `不能大于 ${limitText(e, params.limit)}`;
    case 'exclusiveMinimum':
      return `须大于 ${limitText(e, params.limit)}`;
    case 'exclusiveMaximum':
      return `须小于 ${limitText(e, params.limit)}`;
    case 'minItems':
      return `至少要有 ${String(params.limit)} 项`;
    case 'maxItems':
      return `不能超过 ${String(params.limit)} 项`;
    case 'enum':
    case 'const':
      return '不是可选的一项';
    default:
      return '不符合要求';
  }
}

/**
 * The batch body checked record by record against its own type's schema (told apart by `type`), so a bad record
 * is named exactly: 400 `body.records[2].amountFen: 不能小于 0.00 元`, and a record whose handler `needsCustomer` without
 * `customer` or `customerId` is 400 `body.records[2].customer`. Used as the route's body validator.
 */
export function batchValidator(handlers: readonly AnyRecordHandler[]) {
  const ajvLibrary = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as (ajv: Ajv) => void;
  const ajv = new ajvLibrary.Ajv({ allErrors: false, strict: false, coerceTypes: false });
  addFormats(ajv);
  const envelope = ajv.compile(Envelope);
  const byType = new Map<string, ValidateFunction>();
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
      if (!validate) return { error: invalidField(`body.records[${i}].type`, '不是能记的记录类型') };
      if (!validate(record)) {
        const e = validate.errors![0];
        return { error: invalidField(`body.records[${i}]${pathOf(e)}`, messageOf(e)) };
      }
      // A service for a villager names one: a new `customer` or a `customerId` from the desk.
      const withCustomer = record as { customer?: unknown; customerId?: unknown };
      if (needsCustomer.has(record.type) && withCustomer.customer === undefined && withCustomer.customerId === undefined) {
        return { error: invalidField(`body.records[${i}].customer`, '必须写明是哪位村民（新村民或已有村民）') };
      }
    }
    return { value: body };
  };
}
