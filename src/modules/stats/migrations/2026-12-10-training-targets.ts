import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * The plan's training targets (1 750 by 2018-08-31, 50 % by 2018-10-31, 3 500 by 2019-12-31; the poor's 175 and
 * 350) are counts since the programme began, so they move from the period figures (training_person_times,
 * training_poor_person_times) to the cumulative ones (…_total): a year's report judges what was done up to its end.
 */
export const statsTrainingTargets: ModuleMigration = {
  name: '2026-12-10-stats-training-targets',
  async up(db) {
    await db.updateTable('stats_targets').set({ indicator: 'training_person_times_total' }).where('indicator', '=', 'training_person_times').execute();
    await db.updateTable('stats_targets').set({ indicator: 'training_poor_person_times_total' }).where('indicator', '=', 'training_poor_person_times').execute();
  },
  async down(db) {
    await db.updateTable('stats_targets').set({ indicator: 'training_person_times' }).where('indicator', '=', 'training_person_times_total').execute();
    await db.updateTable('stats_targets').set({ indicator: 'training_poor_person_times' }).where('indicator', '=', 'training_poor_person_times_total').execute();
  },
};
