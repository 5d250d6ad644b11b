import type { ModuleMigration } from '../../../kernel/migrator.js';

/** Remote learning: materials, progress, completions, certificates, their serials and the verify page's counters. */
export const learningInit: ModuleMigration = {
  name: '2026-12-07-learning',
  async up(db) {
    await db.schema
      .createTable('training_materials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('chunk_bytes', 'integer', (c) => c.notNull())
      .addColumn('chunks', 'integer', (c) => c.notNull())
      .addColumn('duration_seconds', 'integer')
      .addColumn('min_read_seconds', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('hidden_at', 'text')
      .execute();
    await db.schema.createIndex('training_materials_course').on('training_materials').columns(['course_id', 'position', 'id']).execute();

    await db.schema
      .createTable('training_material_progress')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('material_id', 'text', (c) => c.notNull().references('training_materials.id'))
      .addColumn('course_id', 'text', (c) => c.notNull())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('last_report_at', 'text', (c) => c.notNull())
      .addColumn('position_seconds', 'integer', (c) => c.notNull())
      .addColumn('watched_seconds', 'integer', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_material_progress_one').on('training_material_progress').columns(['material_id', 'trainee_id']).unique().execute();
    await db.schema.createIndex('training_material_progress_trainee').on('training_material_progress').columns(['trainee_id', 'course_id']).execute();

    await db.schema
      .createTable('training_completions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
      .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('person_time_id', 'text')
      .addColumn('session_id', 'text')
      .addColumn('completed_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoke_reason', 'text')
      .execute();
    await db.schema.createIndex('training_completions_one').on('training_completions').columns(['trainee_id', 'course_id']).unique().execute();
    await db.schema.createIndex('training_completions_basis').on('training_completions').column('person_time_id').execute();

    await db.schema
      .createTable('training_certificates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('completion_id', 'text', (c) => c.notNull().references('training_completions.id'))
      .addColumn('trainee_id', 'text', (c) => c.notNull())
      .addColumn('course_id', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('verify_code', 'text', (c) => c.notNull().unique())
      .addColumn('holder_name', 'text', (c) => c.notNull())
      .addColumn('id_number_masked', 'text', (c) => c.notNull())
      .addColumn('course_title', 'text', (c) => c.notNull())
      .addColumn('track', 'text', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('hours_tenths', 'integer', (c) => c.notNull())
      .addColumn('organiser_name', 'text')
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoke_reason', 'text')
      .addColumn('township_code', 'text')
      .addColumn('village_code', 'text')
      .addColumn('organiser_id', 'text')
      .execute();
    await db.schema.createIndex('training_certificates_trainee').on('training_certificates').columns(['trainee_id', 'id']).execute();
    await db.schema.createIndex('training_certificates_course').on('training_certificates').columns(['course_id', 'id']).execute();
    await db.schema.createIndex('training_certificates_completion').on('training_certificates').columns(['completion_id', 'id']).execute();

    await db.schema
      .createTable('training_certificate_serials')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('training_verify_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('misses', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('training_verify_counters').execute();
    await db.schema.dropTable('training_certificate_serials').execute();
    await db.schema.dropTable('training_certificates').execute();
    await db.schema.dropTable('training_completions').execute();
    await db.schema.dropTable('training_material_progress').execute();
    await db.schema.dropTable('training_materials').execute();
  },
};
