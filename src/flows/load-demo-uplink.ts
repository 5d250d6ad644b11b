import { randomBytes } from 'node:crypto';
import type { Modules } from '../app.js';
import type { RequestContext } from '../kernel/context.js';

export const DEMO_UPLINK_NAME = '昭通市电子商务公共服务平台（演示）';

/** This deployment's own address, where the demo "city" inbox listens: COUNTYHUB_PUBLIC_URL, else 127.0.0.1 and PORT. */
export const ownBaseUrl = (env: NodeJS.ProcessEnv = process.env) => (env.COUNTYHUB_PUBLIC_URL || `http://127.0.0.1:${env.PORT || 3000}`).replace(/\/+$/, '');

/**
 * The demo's reporting upward: one endpoint, "the city's platform", signed with HMAC and pointing at this
 * deployment's own inbox, which knows the county as a sender with the same secret. So 立即推送 shows a push arrive,
 * signed, in 接收记录. Loading again leaves an existing demo endpoint as it is.
 */
export async function loadDemoUplink(modules: Modules, ctx: RequestContext): Promise<{ uplinkEndpoints: number }> {
  const { endpoints } = modules.uplink;
  const have = (await endpoints.list(ctx, 500)).items.find((e) => e.name === DEMO_UPLINK_NAME);
  if (have) return { uplinkEndpoints: 0 };
  const county = await modules.network.service.county();
  const secret = randomBytes(32).toString('base64url');
  await endpoints.create(ctx, { name: DEMO_UPLINK_NAME, level: 'city', url: `${ownBaseUrl()}/api/v1/uplink/inbox`, algorithm: 'hmac-sha256', secret, grains: ['month', 'quarter', 'year'] });
  await endpoints.saveSender(ctx, { countyCode: county.code, countyName: county.name, algorithm: 'hmac-sha256', secret });
  return { uplinkEndpoints: 1 };
}
