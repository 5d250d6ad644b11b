import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
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

/** The stable code of a client error Fastify or Node raised, by status (the project's codes, not `FST_…`). */
const FRAMEWORK_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  411: 'LENGTH_REQUIRED',
  413: 'BODY_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

function frameworkCode(err: { code?: string }, status: number): string {
  // Unreadable bodies (bad JSON, empty JSON, a wrong length) keep the code clients already know.
  if (status === 400 && err.code?.startsWith('FST_ERR_CTP')) return 'BAD_BODY';
  return FRAMEWORK_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
}

/** The error body for a framework error, given its status. */
export const frameworkErrorBody = (err: { code?: string; message?: string }, status: number) => ({
  error: { code: frameworkCode(err, status), message: err.message || 'Bad request' },
});

/**
 * Errors the router raises before a route is found (a path that is not valid percent-encoding, a path parameter
 * longer than `maxParamLength`): Fastify's `frameworkErrors` option, so they answer in the project's shape.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, _request, reply) => {
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (err.statusCode ?? 400);
  const message = err.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid percent-encoding' : err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : err.message;
  void (reply as FastifyReply).status(status).send(frameworkErrorBody({ code: err.code, message }, status));
};

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line and headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive'],
};

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over `maxHeaderSize`, broken framing,
 * timeouts): the server's `clientError`, answered on the raw socket in the project's shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'The request could not be read'];
  const body = JSON.stringify(frameworkErrorBody({ message }, status));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** The wait a 429 names when its thrower gave none (`details.retryAfterSeconds`). */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * A 429 carries `Retry-After`: from `details.retryAfterSeconds` (rounded up) when the thrower gave it, else a minute;
 * a 503 (busy) carries it when its thrower gave one.
 * `pageFallback` answers unknown non-API GETs (the console's own routes, served as its index.html).
 */
export function registerErrorHandling(app: FastifyInstance, pageFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
      const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if ((err.status === 429 || err.status === 503) && typeof wait === 'number' && Number.isFinite(wait) && wait > 0) reply.header('retry-after', String(Math.ceil(wait)));
      return reply.status(err.status).send(body);
    }
    if (err.validation) {
      const { field, message } = describeValidation(err);
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: `${field} ${message}`, details: { field } } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, a bad multipart upload.
      return reply.status(status).send(frameworkErrorBody(err, status));
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } });
  });

  // Every 429 says when to come back, however it was answered.
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(DEFAULT_RETRY_AFTER_SECONDS));
  });

  app.setNotFoundHandler((request, reply) => {
    if (pageFallback && request.method === 'GET' && !request.url.startsWith('/api/')) return pageFallback(request, reply);
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
