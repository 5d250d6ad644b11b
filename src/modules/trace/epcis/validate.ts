import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { AppError } from '../../../kernel/errors.js';

const require = createRequire(import.meta.url);
let validator: ValidateFunction | null = null;

/** Problems reported at most; a document with more stops being checked there (ajv keeps every error it finds). */
export const MAX_PROBLEMS = 50;

export interface Problem {
  field: string;
  message: string;
}

/** GS1's EPCIS 2.0 JSON schema, compiled once. */
function epcisSchema(): ValidateFunction {
  if (!validator) {
    // Loaded with the first document, not at start: only EPCIS imports use this second ajv.
    const ajvLibrary = require('ajv') as typeof import('ajv');
    const addFormats = require('ajv-formats') as (ajv: Ajv) => void;
    const ajv = new ajvLibrary.Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(require('./EPCIS-JSON-Schema.json'));
  }
  return validator;
}

const where = (e: ErrorObject) => {
  const path = e.instancePath.split('/').filter(Boolean).join('.');
  const missing = e.keyword === 'required' ? `.${(e.params as { missingProperty: string }).missingProperty}` : '';
  return `body${path ? `.${path}` : ''}${missing}`;
};

/** Problems with a document as GS1's schema sees it; empty when it is valid. */
function schemaProblems(document: unknown): Problem[] {
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

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a document (or a query's answer) keeps its events, if it has a list of them. */
export function eventListOf(document: unknown): { path: string[]; events: unknown[] } | null {
  const body = isObject(document) ? document.epcisBody : undefined;
  if (!isObject(body)) return null;
  if (Array.isArray(body.eventList)) return { path: ['epcisBody', 'eventList'], events: body.eventList };
  const results = isObject(body.queryResults) && isObject(body.queryResults.resultsBody) ? body.queryResults.resultsBody : null;
  if (results && Array.isArray(results.eventList)) return { path: ['epcisBody', 'queryResults', 'resultsBody', 'eventList'], events: results.eventList };
  return null;
}

/** A copy of the document, shallow but along `path`, whose value at `path` is `value`. */
function withValue(document: Json, path: string[], value: unknown): Json {
  const [key, ...rest] = path;
  return { ...document, [key]: rest.length ? withValue(document[key] as Json, rest, value) : value };
}

/**
 * Problems with a document, at most MAX_PROBLEMS: the document without its events first, then each event on its own
 * (in a copy of the document holding that event alone), stopping once MAX_PROBLEMS are found. `eventsNotChecked`
 * says how many events were left unread.
 */
export function epcisProblems(document: unknown): { problems: Problem[]; eventsNotChecked: number } {
  const list = eventListOf(document);
  if (!list) return { problems: schemaProblems(document).slice(0, MAX_PROBLEMS), eventsNotChecked: 0 };
  const doc = document as Json;
  const problems = schemaProblems(withValue(doc, list.path, []));
  // The header (master data can be large) was checked with the document; each event is checked without it.
  const { epcisHeader: _header, ...bare } = doc;
  const at = `body.${list.path.join('.')}`;
  for (let i = 0; i < list.events.length; i++) {
    if (problems.length >= MAX_PROBLEMS) return { problems: problems.slice(0, MAX_PROBLEMS), eventsNotChecked: list.events.length - i };
    for (const p of schemaProblems(withValue(bare, list.path, [list.events[i]]))) {
      if (p.field === `${at}.0` || p.field.startsWith(`${at}.0.`)) problems.push({ ...p, field: `${at}.${i}${p.field.slice(at.length + 2)}` });
    }
  }
  return { problems: problems.slice(0, MAX_PROBLEMS), eventsNotChecked: 0 };
}

/** 400 naming the first problem's field, with up to MAX_PROBLEMS problems in the details. */
export function assertEpcis(document: unknown): void {
  const { problems, eventsNotChecked } = epcisProblems(document);
  if (!problems.length) return;
  const more = eventsNotChecked ? `; checking stopped after ${problems.length} problems, ${eventsNotChecked} more events not checked` : '';
  throw new AppError(400, 'EPCIS_INVALID', `${problems[0].field}: ${problems[0].message} (not a valid EPCIS 2.0 document${more})`, {
    field: problems[0].field,
    problems,
    ...(eventsNotChecked && { eventsNotChecked }),
  });
}
