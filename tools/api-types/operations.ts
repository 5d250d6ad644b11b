import type { JsonSchema } from './schema-to-ts.js';

/** The parts of an OpenAPI 3.0 document the generator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface Media {
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation as `GET /api/v1/…`, sorted by path, then by method in the order above. */
export function operationsOf(doc: OpenApiDocument): { key: string; operation: OpenApiOperation }[] {
  return Object.keys(doc.paths)
    .sort()
    .flatMap((path) => METHODS.filter((method) => doc.paths[path][method]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, operation: doc.paths[path][method] })));
}

/** The JSON a client sends: application/json, else the first content type the route takes. */
export function bodySchema(operation: OpenApiOperation): JsonSchema | undefined {
  const content = operation.requestBody?.content;
  if (!content) return undefined;
  return (content['application/json'] ?? content[Object.keys(content).sort()[0]])?.schema;
}

/** The successful answer: the lowest 2xx status with a JSON body. */
export function responseSchema(operation: OpenApiOperation): JsonSchema | undefined {
  const success = Object.keys(operation.responses ?? {})
    .filter((status) => /^2\d\d$/.test(status))
    .sort();
  for (const status of success) {
    const schema = operation.responses![status].content?.['application/json']?.schema;
    if (schema) return schema;
  }
  return undefined;
}

/** Path or query parameters as one object schema. */
export function parametersSchema(operation: OpenApiOperation, where: 'path' | 'query'): JsonSchema {
  const params = (operation.parameters ?? []).filter((p) => p.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, { ...p.schema, description: p.description ?? p.schema?.description }])),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}
