import type { Kysely } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import type { TrainingDatabase } from './training.tables.js';

/** What a trainer's 工作台 card shows. */
export interface TrainerDeskFigures {
  /** Planned sessions not yet over that the trainer teaches or that belong to one of their organisers. */
  upcomingSessions: number;
  /** The next few of them, soonest first. */
  next: { id: string; title: string; startsAt: string; placeText: string }[];
  /** Person-times counted this month (Asia/Shanghai) at those organisers' sessions and courses, or the trainer's own sessions. */
  personTimesThisMonth: number;
}

/**
 * The trainer's card on the workbench: a small read over training's own tables, in the trainer's own sight (the
 * sessions they teach, and their organisers' sessions and online courses), answered through the workbench's port.
 */
export class TrainerDesk {
  private readonly db: Kysely<TrainingDatabase>;

  constructor(
    db: AnyKysely,
    private readonly clock: Clock,
  ) {
    this.db = db as unknown as Kysely<TrainingDatabase>;
  }

  async trainer(ctx: RequestContext): Promise<TrainerDeskFigures> {
    const principal = requireRole(ctx, 'trainer');
    const me = principal.userId;
    const organisers = (await this.db.selectFrom('training_organiser_members').select('organiser_id').where('user_id', '=', me).execute()).map((r) => r.organiser_id);
    const now = this.clock.now();
    const nowIso = now.toISOString();
    // This month in Shanghai, as UTC instants: [first day 00:00 +08:00, next month's first day 00:00 +08:00).
    const month = shanghaiDate(now).slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600_000).toISOString();
    const to = new Date(Date.UTC(y, m, 1) - 8 * 3600_000).toISOString();

    const mine = this.db
      .selectFrom('training_sessions')
      .where((eb) => (organisers.length > 0 ? eb.or([eb('trainer_user_id', '=', me), eb('organiser_id', 'in', organisers)]) : eb('trainer_user_id', '=', me)));
    const upcoming = mine.where('status', '=', 'planned').where('ends_at', '>=', nowIso);
    const [count, next, counted] = await Promise.all([
      upcoming.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      upcoming.select(['id', 'title', 'starts_at', 'place_text']).orderBy('starts_at').orderBy('id').limit(3).execute(),
      this.db
        .selectFrom('training_person_times')
        .where('counted_at', '>=', from)
        .where('counted_at', '<', to)
        .where((eb) => {
          const own = eb('session_id', 'in', this.db.selectFrom('training_sessions').select('id').where('trainer_user_id', '=', me));
          return organisers.length > 0 ? eb.or([own, eb('organiser_id', 'in', organisers)]) : own;
        })
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return {
      upcomingSessions: Number(count.n),
      next: next.map((s) => ({ id: s.id, title: s.title, startsAt: s.starts_at, placeText: s.place_text })),
      personTimesThisMonth: Number(counted.n),
    };
  }
}
