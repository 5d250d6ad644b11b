import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppError } from '../../kernel/errors.js';
import type { LogisticsPlaces } from './ports.js';
import { trackingPage, waitWords, type TrackingService } from './tracking.js';

/** What the page says when a lookup is refused: when to try again, or that nothing was found. */
function refusal(err: AppError): string {
  if (err.status !== 429) return '没有找到这个运单号和手机号的包裹 No parcel with this waybill number and phone';
  const [zh, en] = waitWords((err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 600);
  return `查询次数过多，请 ${zh}后再试 Too many lookups; try again in ${en}`;
}

/** The public tracking page (/track): a waybill number and the phone's last four digits. */
export function trackingPages(tracking: TrackingService, places: LogisticsPlaces) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const querystring = Type.Object({ waybillNo: Type.Optional(Type.String({ maxLength: 40 })), phoneLast4: Type.Optional(Type.String({ maxLength: 8 })) });
    app.get('/track', { config: { public: true }, schema: { tags: ['logistics'], summary: 'The public tracking page (HTML)', querystring } }, async (request, reply) => {
      const { waybillNo, phoneLast4 } = request.query;
      const county = (await places.placeBook()).countyName;
      let result = null;
      if (waybillNo || phoneLast4) {
        result = !waybillNo || !/^[A-Za-z0-9-]{6,32}$/.test(waybillNo) || !phoneLast4 || !/^\d{4}$/.test(phoneLast4) ? { error: '请填写运单号和手机后四位 Give the waybill number and the last four digits of the phone' } : await tracking.lookup(waybillNo, phoneLast4, request.ctx).catch((err: AppError) => {
          const wait = err.status === 429 ? (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
          if (wait) reply.status(429).header('retry-after', String(wait));
          return { error: refusal(err) };
        });
      }
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(trackingPage(county, request.query, result));
    });
  };
}
