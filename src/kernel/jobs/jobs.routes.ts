import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../errors.js';
import { errorResponses } from '../http/errors.js';
import { Page, PageQuery, pageOf } from '../http/paging.js';
import type { JobRunner } from './job-runner.js';
import { JobName, JobSchema, RunSchema } from './jobs.schema.js';

const tags = ['jobs'];
const admin = { roles: ['county_admin'] as const };
const Params = Type.Object({ name: JobName });

/** Background jobs for the county admin: what runs when, how the last runs went, and a button to run one now. */
export function jobRoutes(runner: JobRunner) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/jobs',
      { config: admin, schema: { tags, summary: 'Background jobs: schedule, next due, running now, last run and failures in a row (county admin)', querystring: PageQuery, response: { 200: Page(JobSchema), ...errorResponses } } },
      async (request) => {
        const { limit = 50, cursor } = request.query;
        return pageOf(await runner.overview(), limit, cursor, (j) => j.name);
      },
    );

    app.get(
      '/jobs/:name/runs',
      { config: admin, schema: { tags, summary: "A job's runs, newest first (county admin)", params: Params, querystring: PageQuery, response: { 200: Page(RunSchema), ...errorResponses } } },
      (request) => runner.runs(request.params.name, request.query.limit ?? 50, request.query.cursor),
    );

    app.post(
      '/jobs/:name/run',
      { config: admin, schema: { tags, summary: 'Make a scheduled job due now; it runs at the next tick of any app process (county admin)', params: Params, response: { 200: JobSchema, ...errorResponses } } },
      async (request) => {
        await runner.runNow(request.params.name);
        const job = (await runner.overview()).find((j) => j.name === request.params.name);
        if (!job) throw notFound('Job');
        return job;
      },
    );
  };
}
