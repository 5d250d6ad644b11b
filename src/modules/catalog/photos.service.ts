import type { Clock } from '../../kernel/clock.js';
import { hasRole, signedIn, type RequestContext, type Role } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import type { FileStore } from '../../kernel/files.js';
import { decoding, imageHeader, openImage } from '../../kernel/images.js';
import { newId } from '../../kernel/ids.js';
import type { Kysely } from 'kysely';
import type { CatalogRepository } from './catalog.repository.js';
import type { CatalogTables } from './catalog.tables.js';
import type { MarketDirectory } from './directory.js';

/** The sizes kept of every photo: the product page's and the list's. */
export const PHOTO_SIZES = { large: 1200, thumb: 400 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
const MAX_PHOTOS = 9;
/** Who may own a seller (sellers are applied for by these roles), so who may send a photo at all. */
export const PHOTO_UPLOADERS: readonly Role[] = ['county_admin', 'merchant', 'village_operator'];

export const photoUrl = (id: string, size: PhotoSize) => `/api/v1/catalog/photos/${id}/${size}`;
const keyOf = (id: string, size: PhotoSize) => `photos/${id}-${size}.webp`;

/** The number of photos the product has, which is the next one's place; 409 `TOO_MANY_PHOTOS` when it is full. */
async function photoPlace(db: Kysely<CatalogTables>, productId: string): Promise<number> {
  const count = await db.selectFrom('catalog_photos').select((eb) => eb.fn.countAll<number>().as('n')).where('product_id', '=', productId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_PHOTOS) throw new AppError(409, 'TOO_MANY_PHOTOS', `每个商品最多 ${MAX_PHOTOS} 张图片 A product has at most ${MAX_PHOTOS} photos`, { field: 'body.photo', max: MAX_PHOTOS });
  return Number(count.n);
}

/** Product photos: uploaded once, checked to be an image, stored resized as WebP. */
export class PhotoService {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly files: FileStore,
    private readonly directory: MarketDirectory,
    private readonly clock: Clock,
  ) {}

  private async checkManages(ctx: RequestContext, productId: string) {
    const product = await this.repo.product(productId);
    if (!product) throw notFound('Product');
    if (!hasRole(ctx, 'county_admin') && !(await this.directory.managedBy(signedIn(ctx).userId)).includes(product.seller_id)) throw forbidden('You do not manage this product');
    return product;
  }

  /** Whether the caller may add a photo to the product now: the upload route asks before it reads the file. */
  async checkCanAdd(ctx: RequestContext, productId: string): Promise<number> {
    await this.checkManages(ctx, productId);
    return photoPlace(this.repo.db, productId);
  }

  async add(ctx: RequestContext, productId: string, upload: Buffer) {
    const count = await this.checkCanAdd(ctx, productId);
    // The header first: a small file can claim a canvas that would take gigabytes to decode.
    await imageHeader(upload, 'body.photo', ['jpeg', 'png', 'webp']);
    const sizes = Object.entries(PHOTO_SIZES) as [PhotoSize, number][];
    const outputs = await decoding('body.photo', () =>
      // rotate() applies the camera's orientation, so phone photos stand the right way up.
      Promise.all(sizes.map(([, edge]) => openImage(upload).rotate().resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true }))),
    );
    const id = newId('pho');
    let large = { width: 0, height: 0 };
    for (const [i, [size]] of sizes.entries()) {
      await this.files.put(keyOf(id, size), outputs[i].data);
      if (size === 'large') large = { width: outputs[i].info.width, height: outputs[i].info.height };
    }
    const row = { id, product_id: productId, sort: count, width: large.width, height: large.height, created_at: this.clock.now().toISOString() };
    try {
      await this.repo.write(async (trx) => {
        // Counted again where it is added: uploads sent at once all passed the first count. Touching the product row
        // first makes them wait on each other in PostgreSQL (SQLite writes one at a time anyway).
        await trx.updateTable('catalog_products').set({ id: productId }).where('id', '=', productId).execute();
        row.sort = await photoPlace(trx, productId);
        await trx.insertInto('catalog_photos').values(row).execute();
        await recordAudit(trx, ctx, { action: 'product.photo_added', entityType: 'product', entityId: productId, details: { photoId: id } });
      });
    } catch (err) {
      for (const [size] of sizes) await this.files.delete(keyOf(id, size));
      throw err;
    }
    return { id, url: photoUrl(id, 'large'), thumbUrl: photoUrl(id, 'thumb'), width: row.width, height: row.height };
  }

  async remove(ctx: RequestContext, photoId: string): Promise<void> {
    const photo = await this.repo.db.selectFrom('catalog_photos').selectAll().where('id', '=', photoId).executeTakeFirst();
    if (!photo) throw notFound('Photo');
    await this.checkManages(ctx, photo.product_id);
    await this.repo.write(async (trx) => {
      await trx.deleteFrom('catalog_photos').where('id', '=', photoId).execute();
      await recordAudit(trx, ctx, { action: 'product.photo_removed', entityType: 'product', entityId: photo.product_id, details: { photoId } });
    });
    for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) await this.files.delete(keyOf(photoId, size));
  }

  /** Puts the product's photos in the order given (the first is the main picture); every photo named once. */
  async reorder(ctx: RequestContext, productId: string, photoIds: string[]): Promise<void> {
    await this.checkManages(ctx, productId);
    await this.repo.write(async (trx) => {
      const have = (await trx.selectFrom('catalog_photos').select('id').where('product_id', '=', productId).execute()).map((p) => p.id);
      const same = photoIds.length === have.length && new Set(photoIds).size === have.length && photoIds.every((id) => have.includes(id));
      if (!same) throw invalidField('body.photoIds', `须列出该商品的全部 ${have.length} 张图片，各一次 must name each of the product's ${have.length} photos once`);
      for (const [sort, id] of photoIds.entries()) await trx.updateTable('catalog_photos').set({ sort }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'product.photos_reordered', entityType: 'product', entityId: productId, details: { photoIds } });
    });
  }

  async file(photoId: string, size: PhotoSize): Promise<Buffer> {
    const body = /^pho_[0-9a-z]+$/.test(photoId) ? await this.files.get(keyOf(photoId, size)) : null;
    if (!body) throw notFound('Photo');
    return body;
  }
}
