import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../kernel/module.js';
import { TRAINING_EVENTS } from './events.js';
import { trainingInit } from './migrations/2026-12-07-training.js';
import { learningInit } from './migrations/2026-12-07-learning.js';
import { PersonTimes } from './person-times.js';
import { TrainingRepository } from './training.repository.js';
import { trainingRoutes } from './training.routes.js';
import type { TrainingIdentifiers, TrainingPlaces } from './ports.js';

export type { TrainingIdentifiers, TrainingPlaceBook, TrainingPlaces } from './ports.js';
export type { PersonTimes, PersonTimeInput } from './person-times.js';
export { TRAINING_EVENTS, PersonTimeCounted, PersonTimeWithdrawn, CourseCompleted, OutcomeRecorded, OUTCOME_KINDS, type OutcomeKind } from './events.js';
export { TRACKS, TRACK_LABELS, LEVELS, LEVEL_LABELS, ORGANISER_KINDS, type Track, type Level, type OrganiserKind } from './training.tables.js';

/** 电商培训: courses in three tracks, sessions, rosters, QR check-in, person-times, learning and follow-up. */
export const trainingModule = defineModule({
  name: 'training',
  tablePrefix: 'training_',
  summary: '电商培训 Courses in three tracks, sessions, roster import, QR check-in, person-times, remote learning and follow-up',
  migrations: [trainingInit, learningInit],
  requires: {
    identifiers: 'the check character and birth date of a resident ID number (parties)',
    places: 'townships, villages and sites of the county, by code, with their names (network)',
  },
  publishes: TRAINING_EVENTS,
  build(kernel, ports: { identifiers: TrainingIdentifiers; places: TrainingPlaces }) {
    const repo = new TrainingRepository(kernel.db);
    const personTimes = new PersonTimes(kernel.events, kernel.clock);
    void repo;
    void ports;
    // The module's routes: the core's, then learning's (B) and follow-up's (C), one line each.
    const routes = async (app: FastifyInstance) => {
      await trainingRoutes()(app);
    };
    return { provides: { personTimes, clock: kernel.clock }, routes };
  },
});
