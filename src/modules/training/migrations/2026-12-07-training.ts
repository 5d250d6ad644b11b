import { sql } from 'kysely';
import type { ModuleMigration } from '../../../kernel/migrator.js';

export const trainingInit: ModuleMigration = {
  name: '2026-12-07-training',
  async up(db) {
    await db.schema
      .createTable('training_organisers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('training_organiser_members')
      .addColumn('organiser_id', 'text', (c) => c.notNull().references('training_organisers.id'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('training_organiser_members_pk', ['organiser_id', 'user_id'])
      .execute();
    await db.schema.createIndex('training_organiser_members_user').on('training_organiser_members').columns(['user_id', 'organiser_id']).execute();

    await db.schema
      .createTable('training_courses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('track', 'text', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('hours_tenths', 'integer', (c) => c.notNull())
      .addColumn('online', 'integer', (c) => c.notNull())
      .addColumn('organiser_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_courses_track').on('training_courses').columns(['track', 'id']).execute();

    await db.schema
      .createTable('training_trainees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_number_sealed', 'text', (c) => c.notNull())
      .addColumn('id_fingerprint', 'text', (c) => c.notNull().unique())
      .addColumn('id_number_masked', 'text', (c) => c.notNull())
      .addColumn('phone_sealed', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text')
      .addColumn('village_code', 'text')
      .addColumn('poor', 'integer', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull())
      .addColumn('party_member', 'integer', (c) => c.notNull())
      .addColumn('woman', 'integer', (c) => c.notNull())
      .addColumn('youth', 'integer')
      .addColumn('user_id', 'text', (c) => c.unique())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_trainees_township').on('training_trainees').columns(['township_code', 'village_code', 'id']).execute();
    await db.schema.createIndex('training_trainees_name').on('training_trainees').columns(['name', 'id']).execute();

    await db.schema
      .createTable('training_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('course_id', 'text', (c) => c.references('training_courses.id'))
      .addColumn('track', 'text', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('organiser_id', 'text', (c) => c.notNull().references('training_organisers.id'))
      .addColumn('trainer_user_id', 'text')
      .addColumn('trainer_name', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text')
      .addColumn('place_text', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('enrolled', 'integer', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('checkin_secret', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('cancel_reason', 'text')
      .execute();
    await db.schema.createIndex('training_sessions_starts').on('training_sessions').columns(['starts_at', 'id']).execute();
    await db.schema.createIndex('training_sessions_township').on('training_sessions').columns(['township_code', 'starts_at']).execute();
    await db.schema.createIndex('training_sessions_organiser').on('training_sessions').columns(['organiser_id', 'starts_at']).execute();
    await db.schema.createIndex('training_sessions_trainer').on('training_sessions').columns(['trainer_user_id', 'starts_at']).execute();

    await db.schema
      .createTable('training_enrolments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('enrolled_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_enrolments_once').on('training_enrolments').columns(['session_id', 'trainee_id']).unique().execute();
    await db.schema.createIndex('training_enrolments_trainee').on('training_enrolments').columns(['trainee_id', 'session_id']).execute();

    await db.schema
      .createTable('training_person_times')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
      .addColumn('session_id', 'text', (c) => c.references('training_sessions.id'))
      .addColumn('course_id', 'text')
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('track', 'text', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('organiser_id', 'text')
      .addColumn('township_code', 'text')
      .addColumn('village_code', 'text')
      .addColumn('poor', 'integer', (c) => c.notNull())
      .addColumn('woman', 'integer', (c) => c.notNull())
      .addColumn('counted_at', 'text', (c) => c.notNull())
      .addColumn('counted_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // One person-time per trainee and session, and one per trainee and online course (whatever the scans).
    await db.schema.createIndex('training_person_times_session').on('training_person_times').columns(['trainee_id', 'session_id']).unique().execute();
    await db.schema
      .createIndex('training_person_times_online')
      .on('training_person_times')
      .columns(['trainee_id', 'course_id', 'mode'])
      .unique()
      .where(sql.ref('mode'), '=', 'online')
      .execute();
    await db.schema.createIndex('training_person_times_counted').on('training_person_times').columns(['counted_at', 'id']).execute();
    await db.schema.createIndex('training_person_times_of_session').on('training_person_times').columns(['session_id', 'trainee_id']).execute();

    await db.schema
      .createTable('training_person_time_withdrawals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_time_id', 'text', (c) => c.notNull())
      .addColumn('trainee_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('withdrawn_by', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text', (c) => c.notNull())
      .addColumn('row', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_person_time_withdrawals_session').on('training_person_time_withdrawals').columns(['session_id', 'withdrawn_at']).execute();

    await db.schema
      .createTable('training_roster_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('rows_total', 'integer', (c) => c.notNull())
      .addColumn('rows_imported', 'integer', (c) => c.notNull())
      .addColumn('rows_bad', 'integer', (c) => c.notNull())
      .addColumn('problems', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_roster_imports_session').on('training_roster_imports').columns(['session_id', 'id']).execute();

    await db.schema
      .createTable('training_checkin_misses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('missed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_checkin_misses_user').on('training_checkin_misses').columns(['user_id', 'missed_at']).execute();

    // A valid code scanned by an account with no trainee record yet: the same code checks it in for 10 minutes
    // after it fills in its record (the form takes longer than a code lives).
    await db.schema
      .createTable('training_checkin_pending')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('scanned_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('training_checkin_pending_pk', ['user_id', 'session_id'])
      .execute();
  },
  async down(db) {
    for (const table of [
      'training_checkin_pending',
      'training_checkin_misses',
      'training_roster_imports',
      'training_person_time_withdrawals',
      'training_person_times',
      'training_enrolments',
      'training_sessions',
      'training_trainees',
      'training_courses',
      'training_organiser_members',
      'training_organisers',
    ])
      await db.schema.dropTable(table).execute();
  },
};
