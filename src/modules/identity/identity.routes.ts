import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import {
  AuditQuery,
  AuditRecordSchema,
  LoginBody,
  PasswordChangeBody,
  TokenCreateBody,
  TokenSchema,
  UserCreateBody,
  UserListQuery,
  UserSchema,
  UserUpdateBody,
} from './identity.schema.js';
import { SESSION_COOKIE, type IdentityService } from './identity.service.js';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_SECONDS } from './known-devices.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Ok = Type.Object({ ok: Type.Boolean() });

export function identityRoutes(service: IdentityService, secureCookies: boolean) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const auth = { tags: ['auth'] };
    const users = { tags: ['identity'] };

    app.post(
      '/auth/login',
      { config: { public: true }, schema: { ...auth, summary: 'Sign in (sets the session cookie)', body: LoginBody, response: { 200: Type.Object({ user: UserSchema }), ...errorResponses } } },
      async (request, reply) => {
        const result = await service.login(request.ctx, request.body.username, request.body.password, request.headers['user-agent'], request.cookies[DEVICE_COOKIE]);
        reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: result.maxAgeSeconds });
        // Sent back only to sign-in; it outlives sign-out so the browser stays known.
        reply.setCookie(DEVICE_COOKIE, result.device, { path: '/api/v1/auth/login', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: DEVICE_MAX_AGE_SECONDS });
        return { user: result.user };
      },
    );

    app.post(
      '/auth/logout',
      { config: { public: true }, schema: { ...auth, summary: 'Sign out', response: { 200: Ok, ...errorResponses } } },
      async (request, reply) => {
        await service.logout(request.cookies[SESSION_COOKIE]);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );

    app.get('/auth/me', { schema: { ...auth, summary: 'The signed-in user', response: { 200: UserSchema, ...errorResponses } } }, (request) =>
      service.me(request.ctx),
    );

    app.post(
      '/auth/password',
      { schema: { ...auth, summary: 'Change your own password', body: PasswordChangeBody, response: { 200: Ok, ...errorResponses } } },
      async (request) => {
        await service.changeOwnPassword(request.ctx, request.body.currentPassword, request.body.newPassword, request.cookies[SESSION_COOKIE]);
        return { ok: true };
      },
    );

    app.get(
      '/identity/users',
      { schema: { ...users, summary: 'Users (county admin)', querystring: UserListQuery, response: { 200: Page(UserSchema), ...errorResponses } } },
      (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return service.listUsers(request.ctx, filter, limit, cursor);
      },
    );

    app.post(
      '/identity/users',
      { schema: { ...users, summary: 'Create a user (county admin)', body: UserCreateBody, response: { 201: UserSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await service.createUser(request.ctx, request.body)),
    );

    app.get('/identity/users/:id', { schema: { ...users, summary: 'One user', params: IdParams, response: { 200: UserSchema, ...errorResponses } } }, (request) =>
      service.getUser(request.ctx, request.params.id),
    );

    app.patch(
      '/identity/users/:id',
      { schema: { ...users, summary: 'Change a user: roles, scope, status, password reset (county admin)', params: IdParams, body: UserUpdateBody, response: { 200: UserSchema, ...errorResponses } } },
      (request) => service.updateUser(request.ctx, request.params.id, request.body),
    );

    app.get(
      '/identity/tokens',
      { schema: { ...users, summary: 'API tokens of a user (yours by default)', querystring: Type.Object({ userId: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery.properties }), response: { 200: Page(TokenSchema), ...errorResponses } } },
      (request) => service.listTokens(request.ctx, request.query.userId, request.query.limit ?? 50, request.query.cursor),
    );

    app.post(
      '/identity/tokens',
      { config: { secretAnswer: true }, schema: { ...users, summary: 'Create an API token for a machine client; the token is returned once', body: TokenCreateBody, response: { 201: Type.Intersect([TokenSchema, Type.Object({ token: Type.String() })]), ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await service.createToken(request.ctx, request.body)),
    );

    app.delete('/identity/tokens/:id', { schema: { ...users, summary: 'Revoke an API token', params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await service.revokeToken(request.ctx, request.params.id);
      return { ok: true };
    });

    app.get(
      '/identity/audit',
      { schema: { ...users, summary: 'Search the audit log of changes (county admin)', querystring: AuditQuery, response: { 200: Page(AuditRecordSchema), ...errorResponses } } },
      (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return service.searchAudit(request.ctx, filter, limit, cursor);
      },
    );
  };
}
