import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.js';

/** The one error shape of the API: `{"error":{"code","message","details"}}`. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ examples: ['VALIDATION_FAILED'] }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
);

/** Response schemas every route documents besides its success answer. */
export const errorResponses = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns ajv's first complaint into `body.scope.kind: must be equal to one of the allowed values`. */
function describeValidation(err: FastifyError): { field: string; message: string } {
  const issue = (err.validation as ValidationIssue[])[0];
  const where = err.validationContext ?? 'body';
  const path = issue.instancePath.split('/').filter(Boolean);
  if (typeof issue.params.missingProperty === 'string') path.push(issue.params.missingProperty);
  if (typeof issue.params.additionalProperty === 'string') path.push(issue.params.additionalProperty);
  const field = [where, ...path].join('.');
  let message = issue.message ?? 'is not valid';
  if (Array.isArray(issue.params.allowedValues)) message += `: ${issue.params.allowedValues.join(', ')}`;
  return { field, message };
}

/**
 * `pageFallback` answers unknown non-API GETs (the console's own routes, served as its index.html).
 */
export function registerErrorHandling(app: FastifyInstance, pageFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
      return reply.status(err.status).send(body);
    }
    if (err.validation) {
      const { field, message } = describeValidation(err);
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: `${field} ${message}`, details: { field } } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const code = err.code?.startsWith('FST_ERR_CTP') ? 'BAD_BODY' : status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
      return reply.status(status).send({ error: { code, message: err.message } });
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } });
  });

  app.setNotFoundHandler((request, reply) => {
    if (pageFallback && request.method === 'GET' && !request.url.startsWith('/api/')) return pageFallback(request, reply);
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
