/**
 * The API document is OpenAPI 3.0.3, whose schemas are an older JSON Schema than the one TypeBox and ajv speak.
 * This turns the newer forms a route schema may use into their 3.0 equivalents, on the whole document as it is
 * generated, so no route schema has to remember (and none can bring a 3.1 form back):
 * - `exclusiveMinimum: 0` → `minimum: 0, exclusiveMinimum: true` (and the same for the maximum);
 * - `const: x` → `enum: [x]`;
 * - a schema's `examples: [a, …]` → `example: a`.
 * (`type: [T, "null"]` is turned into `nullable: true` by @fastify/swagger itself.)
 * `test/api/openapi.test.ts` validates the result with @apidevtools/swagger-parser.
 */
export function toOpenApi30<T>(node: T, namesOnly = false): T {
  if (Array.isArray(node)) return node.map((n) => toOpenApi30(n)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  // The keys of `properties` are field names (a field may be called `const`), not keywords.
  for (const [key, value] of Object.entries(node)) out[key] = toOpenApi30(value, !namesOnly && (key === 'properties' || key === 'patternProperties'));
  if (namesOnly) return out as T;
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[exclusive] !== 'number') continue;
    const limit = out[exclusive] as number;
    const inclusive = out[bound];
    // Both given: keep the tighter bound.
    const tighter = typeof inclusive !== 'number' || (bound === 'minimum' ? limit >= inclusive : limit <= inclusive);
    if (tighter) {
      out[bound] = limit;
      out[exclusive] = true;
    } else delete out[exclusive];
  }
  if ('const' in out) {
    out.enum = [out.const];
    delete out.const;
  }
  if (Array.isArray(out.examples)) {
    if (out.examples.length && !('example' in out)) out.example = out.examples[0];
    delete out.examples;
  }
  return out as T;
}
