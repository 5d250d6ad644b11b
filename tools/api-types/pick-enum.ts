import type { JsonSchema } from './schema-to-ts.js';
import { bodySchema, parametersSchema, responseSchema, type OpenApiDocument } from './operations.js';

/**
 * Where a value list the console iterates lives in the API: an operation (`GET /api/v1/network/sites`) and a path
 * into it, starting at `response`, `body`, `query` or `params`; `.name` steps into a property, `[]` into a list's items
 * (`response.items[].services[]`).
 */
export interface EnumPick {
  operation: string;
  at: string;
}

export type EnumPicks = Record<string, EnumPick>;

function step(schema: JsonSchema | undefined, name: string): JsonSchema | undefined {
  if (!schema) return undefined;
  for (const part of schema.allOf ?? []) {
    const found = step(part, name);
    if (found) return found;
  }
  return schema.properties?.[name];
}

/** The values of the enum a pick names, in the API's order (without null); throws naming the pick when there is none. */
export function pickEnum(doc: OpenApiDocument, pick: EnumPick): string[] {
  const [method, path] = pick.operation.split(' ');
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`api-types: no operation ${pick.operation} in the API`);
  const [root, ...rest] = pick.at.split('.');
  const start: Record<string, JsonSchema | undefined> = {
    response: responseSchema(operation),
    body: bodySchema(operation),
    query: parametersSchema(operation, 'query'),
    params: parametersSchema(operation, 'path'),
  };
  let schema = start[root.replace(/\[\]$/, '')];
  if (root.endsWith('[]')) schema = schema?.items;
  for (const segment of rest) {
    schema = step(schema, segment.replace(/(\[\])+$/, ''));
    for (let n = (segment.match(/\[\]/g) ?? []).length; n > 0; n--) schema = schema?.items;
  }
  const values = schema?.enum?.filter((v): v is string => typeof v === 'string');
  if (!values?.length) throw new Error(`api-types: ${pick.operation} has no value list at ${pick.at}`);
  return values;
}
