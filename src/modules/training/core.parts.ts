import type { KernelServices } from '../../kernel/module.js';
import { CheckinService } from './checkin.service.js';
import { CoursesService } from './courses.service.js';
import type { PersonTimes } from './person-times.js';
import type { TrainingAccounts, TrainingIdentifiers, TrainingPlaces } from './ports.js';
import { RosterService } from './roster.service.js';
import { SessionsService } from './sessions.service.js';
import { TraineesService } from './trainees.service.js';
import type { TrainingCore } from './training.routes.js';
import type { TrainingRepository } from './training.repository.js';

/** The training core's services on one repository: organisers and courses, trainees, sessions, rosters, attendance. */
export function buildCore(kernel: KernelServices, repo: TrainingRepository, ports: { identifiers: TrainingIdentifiers; places: TrainingPlaces; accounts: TrainingAccounts }, personTimes: PersonTimes): TrainingCore {
  const courses = new CoursesService(repo, kernel.clock);
  const trainees = new TraineesService(repo, kernel.sealer, kernel.clock, ports.places, ports.identifiers, ports.accounts);
  const sessions = new SessionsService(repo, kernel.clock, ports.places, trainees);
  const roster = new RosterService(repo, kernel.clock, ports.places, ports.identifiers, sessions, trainees);
  const checkin = new CheckinService(repo, kernel.clock, sessions, personTimes, (kernel.settings.publicUrl ?? '').replace(/\/$/, ''));
  return { courses, sessions, trainees, roster, checkin };
}
