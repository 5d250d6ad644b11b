import type { Kysely } from 'kysely';
import type { AnyKysely, DialectName } from '../../kernel/db.js';
import type { AddressRow, AddressTables } from './addresses.tables.js';
import type { IdentityTables } from './identity.tables.js';

type Db = Kysely<AddressTables & IdentityTables>;

/** Reads and writes of the address book. No rules here: those live in AddressBook. */
export class AddressRepository {
  readonly db: Db;
  constructor(
    db: AnyKysely,
    private readonly dialect: DialectName,
  ) {
    this.db = db as Db;
  }

  /**
   * Runs `work` with the owner's account row locked (PostgreSQL), so two changes to one book at once (two tabs
   * adding an address) take turns and the count and the default stay right. SQLite runs one write at a time anyway.
   */
  forOwner<T>(userId: string, work: (trx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const owner = trx.selectFrom('identity_users').select('id').where('id', '=', userId);
      await (this.dialect === 'postgres' ? owner.forUpdate() : owner).execute();
      return work(trx);
    });
  }

  listOf(userId: string, db: Db = this.db) {
    return db.selectFrom('identity_addresses').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  }

  /** The address when it is this user's; someone else's is as good as missing. */
  ownedBy(userId: string, id: string, db: Db = this.db) {
    return db.selectFrom('identity_addresses').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  }

  insert(row: AddressRow, db: Db) {
    return db.insertInto('identity_addresses').values(row).execute();
  }

  update(id: string, changes: Partial<AddressRow>, db: Db) {
    return db.updateTable('identity_addresses').set(changes).where('id', '=', id).execute();
  }

  delete(id: string, db: Db) {
    return db.deleteFrom('identity_addresses').where('id', '=', id).execute();
  }

  /** Clears the user's default (before another address takes it: the unique index allows one at a time). */
  clearDefault(userId: string, db: Db) {
    return db.updateTable('identity_addresses').set({ is_default: 0 }).where('user_id', '=', userId).where('is_default', '=', 1).execute();
  }
}
