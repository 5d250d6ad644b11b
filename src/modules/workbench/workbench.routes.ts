import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { WORKBENCH_ROLES, WorkbenchSchema } from './workbench.schema.js';
import type { WorkbenchService } from './workbench.service.js';

export function workbenchRoutes(service: WorkbenchService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/workbench',
      {
        config: { roles: WORKBENCH_ROLES },
        schema: { tags: ['workbench'], summary: '工作台：本人各角色今天要办的事及其数量 The caller’s to-dos per role, as counts scoped to its place', response: { 200: WorkbenchSchema, ...errorResponses } },
      },
      (request) => service.forCaller(request.ctx),
    );
  };
}
