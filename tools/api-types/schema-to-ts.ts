/**
 * One JSON Schema of the OpenAPI 3.0 document (as TypeBox writes it and @fastify/swagger turns it) as the text of a
 * TypeScript type. Property order is the API's; nothing here reads the clock or the machine, so the same document
 * always gives the same text.
 */
export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const propertyKey = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** A description as a doc comment line, so editors show the API's own words on hover. */
export function docComment(description: string | undefined, indent: string): string {
  if (!description) return '';
  const text = description.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ').trim();
  return `${indent}/** ${text} */\n`;
}

/** `allOf` of objects (TypeBox's Intersect) as the one object it describes; anything else stays an intersection. */
function mergeAllOf(parts: JsonSchema[]): JsonSchema | undefined {
  if (!parts.every((p) => p.type === 'object' && !p.nullable && p.additionalProperties !== true && !p.patternProperties)) return undefined;
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  for (const part of parts) {
    Object.assign(properties, part.properties ?? {});
    for (const name of part.required ?? []) required.add(name);
  }
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}

const union = (members: string[]) => [...new Set(members)].join(' | ');

/** Whether a type's text joins parts with `|` or `&` outside any brackets, quotes or braces. */
function isCompound(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if ('{([<'.includes(c)) depth++;
    else if ('})]>'.includes(c)) depth--;
    else if (depth === 0 && (c === '|' || c === '&')) return true;
  }
  return false;
}

/** A union or intersection inside an array or another intersection needs brackets. */
const wrap = (text: string) => (isCompound(text) ? `(${text})` : text);

export function schemaToTs(schema: JsonSchema | undefined, indent = ''): string {
  if (!schema || Object.keys(schema).length === 0) return 'unknown';
  const nullable = schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null'));
  const orNull = (text: string) => (!nullable || text === 'unknown' || text.endsWith(' | null') || text === 'null' ? text : `${text} | null`);
  if (schema.allOf) {
    const merged = mergeAllOf(schema.allOf);
    if (merged) return orNull(schemaToTs(merged, indent));
    return orNull(schema.allOf.map((part) => wrap(schemaToTs(part, indent))).join(' & '));
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return orNull(union(alternatives.map((part) => wrap(schemaToTs(part, indent)))));
  if (schema.enum) return orNull(union(schema.enum.map((value) => JSON.stringify(value))));
  if ('const' in schema) return orNull(JSON.stringify(schema.const));
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t): t is string => !!t && t !== 'null');
  if (types.length === 0) return orNull(schema.properties ? objectToTs(schema, indent) : 'unknown');
  return orNull(union(types.map((type) => typeToTs(type, schema, indent))));
}

function typeToTs(type: string, schema: JsonSchema, indent: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `${wrap(schemaToTs(schema.items, indent))}[]`;
    case 'object':
      return objectToTs(schema, indent);
    default:
      return 'unknown';
  }
}

/**
 * The type of the keys an object does not name, if it has any: a record's values, `unknown` for an object open to
 * anything (or one that names nothing). An object that names its properties and says nothing more is read as
 * closed, as TypeBox means its response objects.
 */
function otherKeys(schema: JsonSchema, indent: string, named: number): string | undefined {
  const extra = schema.additionalProperties;
  const patterns = Object.values(schema.patternProperties ?? {});
  if (typeof extra === 'object') return schemaToTs(extra, indent);
  if (patterns.length) return union(patterns.map((p) => schemaToTs(p, indent)));
  if (extra === true || (extra === undefined && named === 0)) return 'unknown';
  return undefined;
}

export function objectToTs(schema: JsonSchema, indent: string): string {
  const properties = Object.entries(schema.properties ?? {});
  const rest = otherKeys(schema, indent, properties.length);
  if (properties.length === 0) return rest ? `Record<string, ${rest}>` : 'Record<string, never>';
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const lines = properties.map(([name, property]) => `${docComment(property.description, inner)}${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaToTs(property, inner)};\n`);
  if (rest) lines.push(`${inner}[key: string]: ${rest === 'unknown' ? 'unknown' : `${rest} | undefined`};\n`);
  return `{\n${lines.join('')}${indent}}`;
}
