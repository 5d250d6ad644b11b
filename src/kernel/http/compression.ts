import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this a compressed answer saves less than the headers it adds. */
export const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|javascript|xml|problem\+json)|text\/|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip';

/** The encoding to answer in: brotli when the caller takes it, else gzip, else none (`q=0` refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const taken = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    taken.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name: Encoding) => taken.get(name) ?? (taken.has('*') ? taken.get('*')! : 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

/**
 * Compresses text answers over 1 KB (API JSON, server pages) with brotli or gzip, as the caller accepts: a product
 * list is a tenth of its size on a 3G link. Files are left to @fastify/static, which sends the .br / .gz written at
 * build time. Registered after the idempotency hook, so a kept answer is the plain JSON and a replay is compressed
 * like any other. Brotli at quality 4: near gzip's speed, smaller than gzip's best.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type) || reply.hasHeader('content-encoding')) return payload;
    const varies = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(varies)) reply.header('vary', varies ? `${varies}, Accept-Encoding` : 'Accept-Encoding');
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const encoding = pickEncoding(request.headers['accept-encoding']);
    if (!encoding || body.length < COMPRESS_MIN_BYTES || request.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    const packed =
      encoding === 'br'
        ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : await gzip(body, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return packed;
  });
}
