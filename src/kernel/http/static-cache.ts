import type { FastifyReply } from 'fastify';

/** A year: the longest a browser keeps anything, for files whose name changes whenever their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * How long a browser may keep a file of the built console. Files under /assets/ carry a content hash in their name
 * (a new build gives new names), so they are kept for good and never asked for again; index.html, sw.js and the
 * icon keep their names, so the browser asks each time (a 304 when unchanged) and a new build is seen at once.
 */
export function cacheControlFor(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.\w+(\.br|\.gz)?$/.test(filePath) ? IMMUTABLE : 'no-cache';
}

export function staticFileHeaders(reply: FastifyReply, filePath: string): void {
  reply.header('cache-control', cacheControlFor(filePath));
}
