import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { AppError } from '../../../kernel/errors.js';

const require = createRequire(import.meta.url);
let validator: ValidateFunction | null = null;

/** GS1's EPCIS 2.0 JSON schema, compiled once. */
function epcisSchema(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (ajv: Ajv) => void)(ajv);
    validator = ajv.compile(require('./EPCIS-JSON-Schema.json'));
  }
  return validator;
}

const where = (e: ErrorObject) => {
  const path = e.instancePath.split('/').filter(Boolean).join('.');
  const missing = e.keyword === 'required' ? `.${(e.params as { missingProperty: string }).missingProperty}` : '';
  return `body${path ? `.${path}` : ''}${missing}`;
};

/** Problems with a document; empty when it is valid EPCIS 2.0. */
export function epcisProblems(document: unknown): { field: string; message: string }[] {
  const validate = epcisSchema();
  if (validate(document)) return [];
  // "if/then" and "allOf" wrappers only repeat what a deeper error says.
  // An enum that fails also fails each of its alternative patterns; say it once.
  const all = validate.errors ?? [];
  const enums = new Set(all.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const errors = all.filter((e) => !['if', 'allOf', 'anyOf', 'oneOf'].includes(e.keyword) && !(e.keyword === 'pattern' && enums.has(e.instancePath)));
  const seen = new Set<string>();
  return errors
    .map((e) => ({ field: where(e), message: `${e.message ?? e.keyword}${e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : ''}` }))
    .filter((p) => !seen.has(`${p.field}|${p.message}`) && seen.add(`${p.field}|${p.message}`));
}

/** 400 naming the first problem's field, with up to 20 problems in the details. */
export function assertEpcis(document: unknown): void {
  const problems = epcisProblems(document);
  if (problems.length) {
    throw new AppError(400, 'EPCIS_INVALID', `${problems[0].field}: ${problems[0].message} (not a valid EPCIS 2.0 document)`, { field: problems[0].field, problems: problems.slice(0, 20) });
  }
}
