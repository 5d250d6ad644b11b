import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { maskIdNumber, maskPhone } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import { lockSiteCustomers } from './customer-lock.js';
import type { Customer, CustomerInput } from './handlers/types.js';
import { refusal } from './handlers/types.js';
import type { StationHouseholds } from './ports.js';
import type { CustomerRow, StationsTables } from './stations.tables.js';

/** A customer made ready before the record's transaction (the poor-household lookup reads another module). */
export type PreparedCustomer = { kind: 'none' } | { kind: 'id'; id: string } | { kind: 'input'; input: CustomerInput; householdId: string | null };

export const toCustomer = (row: CustomerRow): Customer => ({ id: row.id, name: row.name, phoneMasked: row.phone_masked, poor: row.poor === 1, householdId: row.household_id });

/**
 * Villagers served at a site: kept per site, found again by the keyed fingerprint of their ID number, else of their
 * phone, else by exact name; phone and ID sealed at rest and shown masked.
 */
export class CustomersService {
  constructor(
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly households: StationHouseholds,
  ) {}

  /** Outside the transaction: whether the ID number is a registered poor household's. */
  async prepare(input: { customer?: CustomerInput; customerId?: string }): Promise<PreparedCustomer> {
    if (input.customerId) return { kind: 'id', id: input.customerId };
    if (!input.customer) return { kind: 'none' };
    const householdId = input.customer.idNumber ? await this.households.poorHouseholdOf(this.sealer.fingerprint(input.customer.idNumber)) : null;
    return { kind: 'input', input: input.customer, householdId };
  }

  /** Inside the record's transaction: the site's customer, found or recorded (refused UNKNOWN_REFERENCE for another site's id). */
  async resolve(trx: Kysely<StationsTables>, siteId: string, prepared: PreparedCustomer): Promise<Customer | null> {
    const now = this.clock.now().toISOString();
    if (prepared.kind === 'none') return null;
    if (prepared.kind === 'id') {
      const row = await trx.selectFrom('stations_customers').selectAll().where('id', '=', prepared.id).where('site_id', '=', siteId).executeTakeFirst();
      if (!row) throw refusal('UNKNOWN_REFERENCE', '本站点没有这位客户，请重新选择或登记');
      await trx.updateTable('stations_customers').set({ last_seen_at: now }).where('id', '=', row.id).execute();
      return toCustomer(row);
    }
    const { input, householdId } = prepared;
    // Found and recorded under the site's lock: a parallel record (another day, another phone) may name her too.
    await lockSiteCustomers(trx, siteId, now);
    const idPrint = input.idNumber ? this.sealer.fingerprint(input.idNumber) : null;
    const phonePrint = input.phone ? this.sealer.fingerprint(`phone:${input.phone}`) : null;
    const found = await this.find(trx, siteId, input.name, idPrint, phonePrint);
    const poor = input.poor === true || householdId !== null;
    if (found) {
      const changes: Partial<CustomerRow> = { last_seen_at: now };
      if (idPrint && !found.id_print) Object.assign(changes, { id_print: idPrint, id_sealed: this.sealer.seal(input.idNumber!), id_masked: maskIdNumber(input.idNumber!) });
      if (phonePrint && found.phone_print !== phonePrint) Object.assign(changes, { phone_print: phonePrint, phone_sealed: this.sealer.seal(input.phone!), phone_masked: maskPhone(input.phone!) });
      if (poor && found.poor !== 1) changes.poor = 1;
      if (householdId && !found.household_id) changes.household_id = householdId;
      await trx.updateTable('stations_customers').set(changes).where('id', '=', found.id).execute();
      return toCustomer({ ...found, ...changes });
    }
    const row: CustomerRow = {
      id: newId('scus'),
      site_id: siteId,
      name: input.name,
      phone_sealed: input.phone ? this.sealer.seal(input.phone) : null,
      phone_print: phonePrint,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
      id_sealed: input.idNumber ? this.sealer.seal(input.idNumber) : null,
      id_print: idPrint,
      id_masked: input.idNumber ? maskIdNumber(input.idNumber) : null,
      poor: poor ? 1 : 0,
      household_id: householdId,
      created_at: now,
      last_seen_at: now,
    };
    await trx.insertInto('stations_customers').values(row).execute();
    return toCustomer(row);
  }

  private async find(trx: Kysely<StationsTables>, siteId: string, name: string, idPrint: string | null, phonePrint: string | null) {
    const base = () => trx.selectFrom('stations_customers').selectAll().where('site_id', '=', siteId).orderBy('created_at').orderBy('id');
    if (idPrint) {
      const byId = await base().where('id_print', '=', idPrint).executeTakeFirst();
      if (byId) return byId;
    }
    if (phonePrint) {
      // A phone of someone else with a different ID number is not the same person.
      const byPhone = await base().where('phone_print', '=', phonePrint).executeTakeFirst();
      if (byPhone && !(idPrint && byPhone.id_print && byPhone.id_print !== idPrint)) return byPhone;
    }
    if (!idPrint && !phonePrint) return base().where('name', '=', name).where('id_print', 'is', null).where('phone_print', 'is', null).executeTakeFirst();
    if (idPrint || phonePrint) {
      // A name known before without ID or phone, now given them: the same villager.
      const byName = await base().where('name', '=', name).where('id_print', 'is', null).where('phone_print', 'is', null).executeTakeFirst();
      if (byName) return byName;
    }
    return undefined;
  }

  /** The site's customers, most recently served first (masked), for the desk. */
  async recent(db: Kysely<StationsTables>, siteId: string, limit = 500): Promise<Customer[]> {
    const rows = await db.selectFrom('stations_customers').selectAll().where('site_id', '=', siteId).orderBy('last_seen_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(toCustomer);
  }
}
