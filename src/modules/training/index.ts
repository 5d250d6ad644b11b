import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../kernel/module.js';
import { TRAINING_EVENTS } from './events.js';
import { trainingInit } from './migrations/2026-12-07-training.js';
import { learningInit } from './migrations/2026-12-07-learning.js';
import { followUpInit } from './migrations/2026-12-07-follow-up.js';
import { PersonTimes } from './person-times.js';
import { TrainerDesk } from './workbench.js';
import { TrainingRepository } from './training.repository.js';
import { trainingRoutes } from './training.routes.js';
import { buildLearning } from './learning.parts.js';
import { followUpParts } from './follow-up.parts.js';
import type { FollowUpPorts } from './follow-up.ports.js';
import type { TrainingAccounts, TrainingIdentifiers, TrainingPlaces } from './ports.js';
import { buildCore } from './core.parts.js';

export type { TrainingAccounts, TrainingIdentifiers, TrainingPlaceBook, TrainingPlaces, TrainingSite } from './ports.js';
export type { TrainingCore } from './training.routes.js';
export type { CheckedTrainee } from './trainees.service.js';
export type { PersonTimes, PersonTimeInput } from './person-times.js';
export type { FollowUpPlayers, FollowUpPoints, FollowUpPorts, FollowUpSellers, TrainingTarget, TrainingTargets } from './follow-up.ports.js';
export { FollowUpRepository } from './follow-up.repository.js';
export { FollowUpService, FOLLOW_UP_JOB } from './follow-up.service.js';
export { TRAINING_EVENTS, PersonTimeCounted, PersonTimeWithdrawn, CourseCompleted, OutcomeRecorded, OUTCOME_KINDS, type OutcomeKind } from './events.js';
export { TRACKS, TRACK_LABELS, LEVELS, LEVEL_LABELS, ORGANISER_KINDS, type Track, type Level, type OrganiserKind } from './training.tables.js';

/** 电商培训: courses in three tracks, sessions, rosters, QR check-in, person-times, learning and follow-up. */
export const trainingModule = defineModule({
  name: 'training',
  tablePrefix: 'training_',
  summary: '电商培训 Courses in three tracks, sessions, roster import, QR check-in, person-times, remote learning and follow-up',
  migrations: [trainingInit, learningInit, followUpInit],
  requires: {
    identifiers: 'the check character and birth date of a resident ID number (parties)',
    places: 'townships, villages and sites of the county, by code, with their names (network)',
    accounts: 'the phone number of an account, to check it may claim a trainee record (identity)',
    targets: 'the plan’s dated targets for training person-times and poor person-times (stats)',
    sellers: 'farmer sellers by the keyed fingerprint of their ID number, with when they were approved (parties)',
    points: 'operating stations and village points and the accounts that run them (network)',
    players: 'market players and their shops on other platforms, with their reported months (players)',
  },
  publishes: TRAINING_EVENTS,
  build(kernel, ports: { identifiers: TrainingIdentifiers; places: TrainingPlaces; accounts: TrainingAccounts } & FollowUpPorts) {
    const repo = new TrainingRepository(kernel.db, kernel.dialect);
    const personTimes = new PersonTimes(kernel.events, kernel.clock);
    const core = buildCore(kernel, repo, ports, personTimes);
    const learning = buildLearning(kernel, ports.places, personTimes);
    const followUp = followUpParts(kernel, ports);
    // The module's routes: the core's, then learning's (B) and follow-up's (C), one line each.
    const routes = async (app: FastifyInstance) => {
      await trainingRoutes(core)(app);
      await learning.routes(app);
      await followUp.routes(app);
    };
    return { provides: { personTimes, clock: kernel.clock, trainerDesk: new TrainerDesk(kernel.db, kernel.clock), ...core, progress: followUp.progress, followUp: followUp.followUp, talent: followUp.talent, materials: learning.materials, learning: learning.learning, certificates: learning.certificates }, routes, pages: learning.pages, subscriptions: [...learning.subscriptions, ...followUp.subscriptions], jobs: [...learning.jobs, ...followUp.jobs] };
  },
});
