import type { Clock } from '../../kernel/clock.js';
import { isoNow } from '../../kernel/clock.js';
import { signedIn, type RequestContext } from '../../kernel/context.js';
import { conflict, invalidField, notFound } from '../../kernel/errors.js';
import { pageOf, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { Sealer } from '../../kernel/sealed.js';
import type { AddressRepository } from './addresses.repository.js';
import type { AddressChanges, AddressInput, AddressView } from './addresses.schema.js';
import type { AddressRow } from './addresses.tables.js';

/** Enough for a family's homes, parents' village and workplaces; a longer book is a list nobody reads. */
export const MAX_ADDRESSES = 20;

export interface VillagePlace {
  townshipName: string;
  villageName: string;
}

/** What the address book needs of the service network (answered in src/flows). */
export interface AddressPlaces {
  /** The 6-digit code of the county this deployment serves. */
  countyCode(): Promise<string>;
  /** The county's villages (and communities) in force today, by 12-digit code, with their township's name. */
  villages(): Promise<ReadonlyMap<string, VillagePlace>>;
}

/**
 * 我的地址: the signed-in user's receivers and places, one of them the default the checkout starts with. Each
 * user sees and changes only their own; another's address answers 404 as if it did not exist.
 */
export class AddressBook {
  constructor(
    private readonly repo: AddressRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly places: AddressPlaces,
  ) {}

  async list(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<AddressView>> {
    const { userId } = signedIn(ctx);
    const views = await this.views(await this.repo.listOf(userId));
    // The default first, then in the order they were added.
    return pageOf(views, limit, cursor, (a) => `${a.isDefault ? 0 : 1}${a.id}`);
  }

  async create(ctx: RequestContext, input: AddressInput): Promise<AddressView> {
    const { userId } = signedIn(ctx);
    await this.checkPlace(input.divisionCode);
    const now = isoNow(this.clock);
    const row: AddressRow = {
      id: newId('adr', this.clock.now().getTime()),
      user_id: userId,
      name: input.name.trim(),
      phone_sealed: this.sealer.seal(input.phone),
      division_code: input.divisionCode,
      address: input.address.trim(),
      is_default: 0,
      created_at: now,
      updated_at: now,
    };
    checkText(row);
    await this.repo.forOwner(userId, async (trx) => {
      const book = await this.repo.listOf(userId, trx);
      if (book.length >= MAX_ADDRESSES) {
        throw conflict('ADDRESS_BOOK_FULL', `An address book holds at most ${MAX_ADDRESSES} addresses; delete one you no longer use`, { max: MAX_ADDRESSES });
      }
      row.is_default = input.isDefault || book.length === 0 ? 1 : 0;
      if (row.is_default) await this.repo.clearDefault(userId, trx);
      await this.repo.insert(row, trx);
    });
    return (await this.views([row]))[0];
  }

  async update(ctx: RequestContext, id: string, changes: AddressChanges): Promise<AddressView> {
    const { userId } = signedIn(ctx);
    if (changes.divisionCode !== undefined) await this.checkPlace(changes.divisionCode);
    const row = await this.repo.forOwner(userId, async (trx) => {
      const stored = await this.owned(userId, id, trx);
      const next: AddressRow = {
        ...stored,
        ...(changes.name !== undefined && { name: changes.name.trim() }),
        ...(changes.phone !== undefined && { phone_sealed: this.sealer.seal(changes.phone) }),
        ...(changes.divisionCode !== undefined && { division_code: changes.divisionCode }),
        ...(changes.address !== undefined && { address: changes.address.trim() }),
        updated_at: isoNow(this.clock),
      };
      checkText(next);
      const { name, phone_sealed, division_code, address, updated_at } = next;
      await this.repo.update(id, { name, phone_sealed, division_code, address, updated_at }, trx);
      return next;
    });
    return (await this.views([row]))[0];
  }

  /** Deleting the default hands it to the address changed most recently, so a book with addresses keeps one. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const { userId } = signedIn(ctx);
    await this.repo.forOwner(userId, async (trx) => {
      const stored = await this.owned(userId, id, trx);
      await this.repo.delete(id, trx);
      if (!stored.is_default) return;
      const rest = await this.repo.listOf(userId, trx);
      const heir = rest.sort((a, b) => (a.updated_at === b.updated_at ? b.id.localeCompare(a.id) : b.updated_at.localeCompare(a.updated_at)))[0];
      if (heir) await this.repo.update(heir.id, { is_default: 1 }, trx);
    });
  }

  async makeDefault(ctx: RequestContext, id: string): Promise<AddressView> {
    const { userId } = signedIn(ctx);
    const row = await this.repo.forOwner(userId, async (trx) => {
      const stored = await this.owned(userId, id, trx);
      if (!stored.is_default) {
        await this.repo.clearDefault(userId, trx);
        await this.repo.update(id, { is_default: 1 }, trx);
      }
      return { ...stored, is_default: 1 };
    });
    return (await this.views([row]))[0];
  }

  private async owned(userId: string, id: string, trx: Parameters<AddressRepository['listOf']>[1]) {
    const row = await this.repo.ownedBy(userId, id, trx);
    if (!row) throw notFound('Address');
    return row;
  }

  /** In this county a village in force (the township alone is not enough to find the door); elsewhere a county's code. */
  private async checkPlace(code: string) {
    if (code.length === 12) {
      if (!(await this.places.villages()).has(code)) throw invalidField('body.divisionCode', `${code} is not a village or community of this county in force today`);
      return;
    }
    if (code === (await this.places.countyCode())) throw invalidField('body.divisionCode', 'an address in this county names its village or community');
  }

  private async views(rows: AddressRow[]): Promise<AddressView[]> {
    const villages = rows.some((r) => r.division_code.length === 12) ? await this.places.villages() : new Map<string, VillagePlace>();
    return rows.map((row) => {
      const place = villages.get(row.division_code);
      return {
        id: row.id,
        name: row.name,
        phone: this.sealer.open(row.phone_sealed),
        divisionCode: row.division_code,
        inCounty: row.division_code.length === 12,
        townshipName: place?.townshipName ?? null,
        villageName: place?.villageName ?? null,
        address: row.address,
        isDefault: row.is_default === 1,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }
}

/** Blank after trimming is no name or address, though the schema let its spaces through. */
function checkText(row: AddressRow) {
  if (!row.name) throw invalidField('body.name', 'must not be blank');
  if (!row.address) throw invalidField('body.address', 'must not be blank');
}
