import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { TrainingDatabase } from './training.tables.js';

/** The only code that reads and writes the training core's tables. */
export class TrainingRepository {
  readonly db: Kysely<TrainingDatabase>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<TrainingDatabase>;
  }
}
