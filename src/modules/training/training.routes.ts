import type { FastifyInstance } from 'fastify';

/** 培训 The core's routes: organisers, courses, sessions, trainees, enrolment, rosters, check-in, attendance. */
export function trainingRoutes() {
  return async (_root: FastifyInstance) => {};
}
