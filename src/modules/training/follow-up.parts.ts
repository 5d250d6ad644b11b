import { subscriber } from '../../kernel/events/index.js';
import type { KernelServices } from '../../kernel/module.js';
import { FOLLOW_UP_INPUT_EVENTS } from './follow-up.events.js';
import type { FollowUpPorts } from './follow-up.ports.js';
import { FollowUpRepository } from './follow-up.repository.js';
import { followUpRoutes } from './follow-up.routes.js';
import { FollowUpService } from './follow-up.service.js';
import type { TrainingPlaces } from './ports.js';
import { ProgressService } from './progress.service.js';
import { TalentService } from './talent.service.js';

/**
 * The follow-up part of the training module, put together once for `index.ts`: progress against the plan's targets,
 * follow-up of trainees (the hourly job `training.follow-up`, the subscriber `training.seller-sales`), the talent
 * shortlist, and their routes.
 */
export function followUpParts(kernel: Pick<KernelServices, 'db' | 'clock' | 'events'>, ports: FollowUpPorts & { places: TrainingPlaces }) {
  const repo = new FollowUpRepository(kernel.db);
  const progress = new ProgressService(repo, ports.places, ports.targets, kernel.clock);
  const followUp = new FollowUpService(repo, ports, ports.places, kernel.events, kernel.clock);
  const talent = new TalentService(repo, ports.places, kernel.clock);
  return {
    progress,
    followUp,
    talent,
    routes: followUpRoutes(progress, followUp, talent),
    jobs: [followUp.job()],
    subscriptions: [subscriber('training.seller-sales', FOLLOW_UP_INPUT_EVENTS, (event) => followUp.receiveSale(event))],
  };
}
