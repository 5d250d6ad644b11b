import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { defineJob } from '../../kernel/jobs/index.js';
import type { KernelServices } from '../../kernel/module.js';
import { certificatePages, certificateRoutes } from './certificates.routes.js';
import { CertificateService } from './certificates.service.js';
import { purgePendingScans } from './checkin.service.js';
import { Completions } from './learning.completions.js';
import { learningRoutes } from './learning.routes.js';
import { LearningService } from './learning.service.js';
import { MaterialChunks } from './materials.store.js';
import { MaterialService } from './materials.service.js';
import type { PersonTimes } from './person-times.js';
import type { TrainingPlaces } from './ports.js';
import type { TrainingDatabase } from './training.tables.js';

/**
 * Remote learning's part of the training module (materials, progress, completions, certificates, the verify page),
 * built from the kernel, the places port and the core's PersonTimes; index.ts mounts what it returns.
 */
export function buildLearning(kernel: KernelServices, places: TrainingPlaces, personTimes: PersonTimes) {
  const db = kernel.db as Kysely<TrainingDatabase>;
  const materials = new MaterialService(db, new MaterialChunks(kernel.files), kernel.clock);
  const learning = new LearningService(db, kernel.dialect, materials, personTimes, kernel.clock);
  const certificates = new CertificateService(db, places, kernel.sealer, kernel.clock, kernel.settings.publicUrl);
  const completions = new Completions(kernel.events, certificates, kernel.clock);
  const routes = async (app: FastifyInstance) => {
    // The county's code for certificate numbers, learnt once the app is up (outside any transaction).
    app.addHook('onReady', () => certificates.warm().catch(() => undefined));
    await learningRoutes(materials, learning)(app);
    await certificateRoutes(certificates, kernel.settings.publicUrl)(app);
  };
  const jobs = [
    defineJob({
      name: 'training.learning-housekeeping',
      title: '学习清理 Remove verify-page counters whose hour has passed, uploads cut off a day ago and check-in scans remembered a day ago',
      every: 60 * 60_000,
      run: async () => ({ counters: await certificates.purgeCounters(), uploads: await materials.purgeStaleUploads(), pendingScans: await purgePendingScans(db, kernel.clock) }),
    }),
  ];
  return { materials, learning, certificates, routes, pages: certificatePages(certificates), subscriptions: completions.subscriptions(), jobs };
}
