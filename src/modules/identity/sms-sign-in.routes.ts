import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { UserSchema } from './identity.schema.js';
import { SESSION_COOKIE } from './identity.service.js';
import type { SmsSignIn } from './sms-sign-in.service.js';

const Phone = Type.String({ pattern: '^1\\d{10}$', description: '11-digit mobile number' });
const SmsCodeBody = Type.Object({ phone: Phone });
const SmsCodeSent = Type.Object({
  resendAfterSeconds: Type.Integer({ description: 'how long until another code may be asked for this phone' }),
  expiresInSeconds: Type.Integer({ description: 'how long the code works' }),
});
const SmsSignInBody = Type.Object({
  phone: Phone,
  code: Type.String({ pattern: '^\\d{6}$', description: 'the 6 digits of the text message' }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'what to call a new shopper; ignored when the phone already has an account' })),
});
const SmsSignedIn = Type.Object({ user: UserSchema, created: Type.Boolean({ description: 'true when this sign-in made the account' }) });

/** A shopper's sign-in with a text-message code: both public, counted and limited (sms-limits.ts, sign-in-guard.ts). */
export function smsSignInRoutes(signIn: SmsSignIn, secureCookies: boolean) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const auth = { tags: ['auth'] };

    app.post(
      '/auth/sms-codes',
      {
        config: { public: true },
        schema: { ...auth, summary: '发送登录验证码 Text a 6-digit sign-in code to a phone (the same answer whether or not it has an account)', body: SmsCodeBody, response: { 201: SmsCodeSent, ...errorResponses } },
      },
      async (request, reply) => reply.status(201).send(await signIn.sendCode(request.ctx, request.body.phone)),
    );

    app.post(
      '/auth/sms-sign-in',
      {
        // The answer comes with a session cookie, which a replayed answer would lack: a repeat is refused instead.
        config: { public: true, secretAnswer: true },
        schema: { ...auth, summary: '验证码登录 / 注册 Sign in with a phone and its code (sets the session cookie); a phone new to the shop becomes a shopper’s account', body: SmsSignInBody, response: { 200: SmsSignedIn, ...errorResponses } },
      },
      async (request, reply) => {
        const result = await signIn.signIn(request.ctx, request.body, request.headers['user-agent']);
        reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: result.maxAgeSeconds });
        return { user: result.user, created: result.created };
      },
    );
  };
}
