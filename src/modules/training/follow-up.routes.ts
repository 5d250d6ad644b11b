import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page } from '../../kernel/http/paging.js';
import { FollowUpItemSchema, FollowUpQuery, OutcomeCreateBody, OutcomeSchema } from './follow-up.schema.js';
import { FOLLOW_UP_READERS, OUTCOME_WRITERS, type FollowUpService } from './follow-up.service.js';
import { ProgressQuery, ProgressSchema } from './progress.schema.js';
import { PROGRESS_READERS, type ProgressService } from './progress.service.js';
import { SupportCreateBody, TalentCreateBody, TalentQuery, TalentSchema, TalentUpdateBody } from './talent.schema.js';
import { TALENT_NOMINATORS, TALENT_READERS, type TalentService } from './talent.service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** 培训进度、跟踪与人才: progress against the plan's targets, what trainees went on to do, the talent shortlist. */
export function followUpRoutes(progress: ProgressService, followUp: FollowUpService, talent: TalentService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['training'];

    app.get(
      '/training/progress',
      {
        config: { roles: [...PROGRESS_READERS] },
        schema: {
          tags,
          summary: '培训进度 Person-times (of them poor, women; distinct trainees) by track, township, organiser and month, cumulative since the start, and the plan’s milestones with the projection and a behind warning. County and regulators all; a township its own; a trainer its organisers’ share',
          querystring: ProgressQuery,
          response: { 200: ProgressSchema, ...errorResponses },
        },
      },
      (request) => progress.progress(request.ctx, request.query),
    );

    app.get(
      '/training/follow-up',
      { config: { roles: [...FOLLOW_UP_READERS] }, schema: { tags, summary: '培训跟踪 Trainees counted at least once, with what they went on to do and their sales since the first training (a township: its trainees; `trainee`: just that one, when in sight)', querystring: FollowUpQuery, response: { 200: Page(FollowUpItemSchema), ...errorResponses } } },
      (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return followUp.list(request.ctx, filter, limit, cursor);
      },
    );
    app.post(
      '/training/trainees/:id/outcomes',
      { config: { roles: [...OUTCOME_WRITERS] }, schema: { tags, summary: '登记培训成效 Link a shop elsewhere (a market player or one of its shops) or an employment to a trainee (409 OUTCOME_EXISTS when linked already)', params: IdParams, body: OutcomeCreateBody, response: { 201: OutcomeSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await followUp.record(request.ctx, request.params.id, request.body)),
    );

    app.get(
      '/training/talent',
      { config: { roles: [...TALENT_READERS] }, schema: { tags, summary: '人才推荐 The talent shortlist: trainees and teams nominated for support and awards, with the support given', querystring: TalentQuery, response: { 200: Page(TalentSchema), ...errorResponses } } },
      (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return talent.list(request.ctx, filter, limit, cursor);
      },
    );
    app.get('/training/talent/:id', { config: { roles: [...TALENT_READERS] }, schema: { tags, summary: '推荐详情 One nomination with its members and support', params: IdParams, response: { 200: TalentSchema, ...errorResponses } } }, (request) =>
      talent.get(request.ctx, request.params.id),
    );
    app.post(
      '/training/talent',
      { config: { roles: [...TALENT_NOMINATORS] }, schema: { tags, summary: '推荐人才 Nominate a trainee or a team (county; a township operator in its township)', body: TalentCreateBody, response: { 201: TalentSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await talent.nominate(request.ctx, request.body)),
    );
    app.patch(
      '/training/talent/:id',
      { config: { roles: ['county_admin'] }, schema: { tags, summary: '更新推荐 Change a nomination’s status (nominated → supported → awarded, or dropped), note, reason or team name (county)', params: IdParams, body: TalentUpdateBody, response: { 200: TalentSchema, ...errorResponses } } },
      (request) => talent.update(request.ctx, request.params.id, request.body),
    );
    app.post(
      '/training/talent/:id/support',
      { config: { roles: ['county_admin'] }, schema: { tags, summary: '登记扶持 Record support given (资金扶持, 贷款贴息, 免费场地, 奖励, 其他; amount in fen; date): a nomination becomes supported', params: IdParams, body: SupportCreateBody, response: { 201: TalentSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await talent.support(request.ctx, request.params.id, request.body)),
    );
  };
}
