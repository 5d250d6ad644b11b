import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type Compilers = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<Compilers['buildValidator']>;
type SerializerFactory = NonNullable<Compilers['buildSerializer']>;
type RouteSchema = { schema: unknown; httpPart?: string };
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };

export interface LazySchemas {
  /** Fastify's `schemaController` server option. */
  controller: { compilersFactory: { buildValidator: ValidatorFactory; buildSerializer: SerializerFactory } };
  /** Compiles every schema no request has used yet; throws the first that does not compile. */
  compileAll(): void;
}

// Fastify's own compilers (ajv for input, fast-json-stringify for output), found from fastify itself so they are
// the copies it would use.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

/**
 * Header names arrive in lower case: Fastify lower-cases a header schema's property names itself, except when the
 * compiler is its own (as here), so this does.
 */
function lowerCaseHeaders(schema: unknown): unknown {
  const s = schema as { properties?: Record<string, unknown>; required?: string[] };
  if (!s || typeof s !== 'object' || !s.properties) return schema;
  return {
    ...s,
    properties: Object.fromEntries(Object.entries(s.properties).map(([name, value]) => [name.toLowerCase(), value])),
    ...(s.required && { required: s.required.map((name) => name.toLowerCase()) }),
  };
}

/**
 * Route schemas compiled on their route's first request instead of all at start. Compiling ~1 000 validators and
 * serializers was most of the start's CPU and ~20 MB that routes nobody calls kept. The first request of a route
 * pays its own compile (milliseconds); `compileAll` lets a test prove every schema compiles.
 */
export function lazySchemaCompilers(): LazySchemas {
  const validators = (fromFastify('@fastify/ajv-compiler') as () => ValidatorFactory)();
  const serializers = (fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)();
  const pending = new Set<() => void>();

  const buildValidator: ValidatorFactory = (externalSchemas, options) => {
    const compile = validators(externalSchemas, options);
    return ((route: RouteSchema) => {
      const target = route.httpPart === 'headers' ? { ...route, schema: lowerCaseHeaders(route.schema) } : route;
      let validate: Validate | undefined;
      const compiled = () => {
        pending.delete(compiled);
        return (validate ??= compile(target as Parameters<typeof compile>[0]) as unknown as Validate);
      };
      pending.add(compiled);
      const lazy: Validate = (data, context) => compiled()(data, context);
      // Marks an ajv function: Fastify then hands it the parent object, so coercion can change a root value.
      lazy.schemaEnv = true;
      Object.defineProperty(lazy, 'errors', { get: () => validate?.errors });
      return lazy;
    }) as unknown as ReturnType<ValidatorFactory>;
  };

  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    const compile = serializers(externalSchemas, options);
    return ((route: RouteSchema) => {
      let serialize: ((data: unknown) => string) | undefined;
      const compiled = () => {
        pending.delete(compiled);
        return (serialize ??= compile(route as Parameters<typeof compile>[0]) as (data: unknown) => string);
      };
      pending.add(compiled);
      return (data: unknown) => compiled()(data);
    }) as unknown as ReturnType<SerializerFactory>;
  };

  return {
    controller: { compilersFactory: { buildValidator, buildSerializer } },
    compileAll: () => [...pending].forEach((compiled) => compiled()),
  };
}
