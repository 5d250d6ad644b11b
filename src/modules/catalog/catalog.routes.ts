import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import {
  BrandBody,
  BrandSchema,
  CategoryBody,
  CategorySchema,
  CertificationBody,
  CertificationSchema,
  LicenceBody,
  LicenceSchema,
  PhotoSchema,
  ProductCreateBody,
  ProductSchema,
  ProductUpdateBody,
  SearchQuery,
  SearchResultSchema,
  StockBody,
} from './catalog.schema.js';
import type { CatalogService } from './catalog.service.js';
import type { ShopService } from './shop.service.js';
import { PHOTO_SIZES, PHOTO_UPLOADERS, type PhotoService } from './photos.service.js';
import { invalidField } from '../../kernel/errors.js';
import { StringEnum } from '../../kernel/http/schema.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';

const paging = (query: PageQuery) => ({ limit: query.limit ?? 50, cursor: query.cursor });

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Ok = Type.Object({ ok: Type.Boolean() });

export function catalogRoutes(catalog: CatalogService, shop: ShopService, photos: PhotoService) {
  return async (root: FastifyInstance) => {
    // At start, after the migrations: terms built with older rules are rebuilt before the first search.
    await catalog.ensureSearchIndex();
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['catalog'];
    const open = { config: { public: true } };

    app.get('/catalog/search', { ...open, schema: { tags, summary: 'Search products on sale in Chinese, with filters and facets (public)', querystring: SearchQuery, response: { 200: SearchResultSchema, ...errorResponses } } }, (request) => {
      const { limit = 20, cursor, ...filter } = request.query;
      return shop.search(filter, limit, cursor);
    });
    app.get('/catalog/products/:id', { ...open, schema: { tags, summary: 'A product on sale (public)', params: IdParams, response: { 200: ProductSchema, ...errorResponses } } }, (request) => shop.product(request.params.id));
    app.get('/catalog/categories', { ...open, schema: { tags, summary: 'Categories by sort number (public)', querystring: PageQuery, response: { 200: Page(CategorySchema), ...errorResponses } } }, (request) => catalog.pageCategories(paging(request.query)));
    app.post('/catalog/categories', { schema: { tags, summary: 'Add a category (county admin)', body: CategoryBody, response: { 201: CategorySchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await catalog.createCategory(request.ctx, request.body)),
    );
    app.get('/catalog/brands', { ...open, schema: { tags, summary: 'Regional public brands by name (public)', querystring: PageQuery, response: { 200: Page(BrandSchema), ...errorResponses } } }, (request) => catalog.pageBrands(paging(request.query)));
    app.post('/catalog/brands', { schema: { tags, summary: 'Add a regional public brand (county admin)', body: BrandBody, response: { 201: BrandSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await catalog.createBrand(request.ctx, request.body)),
    );
    app.get('/catalog/brands/:id/licences', { schema: { tags, summary: "A brand's licences, newest first", params: IdParams, querystring: PageQuery, response: { 200: Page(LicenceSchema), ...errorResponses } } }, (request) =>
      catalog.pageLicences(request.ctx, request.params.id, paging(request.query)),
    );
    app.post('/catalog/brands/:id/licences', { schema: { tags, summary: 'License a brand to a seller for a period (county admin)', params: IdParams, body: LicenceBody, response: { 201: LicenceSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await catalog.grantLicence(request.ctx, request.params.id, request.body)),
    );
    app.post('/catalog/licences/:id/revoke', { schema: { tags, summary: 'Revoke a brand licence (county admin)', params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await catalog.revokeLicence(request.ctx, request.params.id);
      return { ok: true };
    });

    app.get('/catalog/manage/products', { schema: { tags, summary: 'Products of the sellers you manage, in any state, newest first', querystring: Type.Object({ sellerId: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery.properties }), response: { 200: Page(ProductSchema), ...errorResponses } } }, (request) =>
      catalog.pageManaged(request.ctx, request.query.sellerId, paging(request.query)),
    );
    app.get('/catalog/manage/products/:id', { schema: { tags, summary: 'A product you manage, in any state', params: IdParams, response: { 200: ProductSchema, ...errorResponses } } }, (request) => catalog.manage(request.ctx, request.params.id));
    app.post('/catalog/products', { schema: { tags, summary: 'Add a product with its SKUs (the seller or the county office)', body: ProductCreateBody, response: { 201: ProductSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await catalog.createProduct(request.ctx, request.body)),
    );
    app.patch('/catalog/products/:id', { schema: { tags, summary: 'Change, list or unlist a product', params: IdParams, body: ProductUpdateBody, response: { 200: ProductSchema, ...errorResponses } } }, (request) =>
      catalog.updateProduct(request.ctx, request.params.id, request.body),
    );
    app.put('/catalog/skus/:id/stock', { schema: { tags, summary: 'Count the stock of a SKU at a place', params: IdParams, body: StockBody, response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await catalog.setStock(request.ctx, request.params.id, request.body.location, request.body.onHand);
      return { ok: true };
    });
    app.post('/catalog/products/:id/certifications', { schema: { tags, summary: 'Record a green-food, organic or GI certificate', params: IdParams, body: CertificationBody, response: { 201: CertificationSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await catalog.addCertification(request.ctx, request.params.id, request.body)),
    );
    app.post(
      '/catalog/products/:id/photos',
      { config: { roles: PHOTO_UPLOADERS }, schema: { tags, summary: 'Upload a product photo (multipart field `photo`: JPEG, PNG or WebP up to 8 MB, at most 8 000 pixels a side and 40 megapixels); kept resized as WebP', consumes: ['multipart/form-data'], params: IdParams, response: { 201: PhotoSchema, ...errorResponses } } },
      async (request, reply) => {
        // Whether the caller manages this product, before a byte of the file is read.
        await photos.checkCanAdd(request.ctx, request.params.id);
        const file = request.isMultipart() ? await request.file({ limits: { fileSize: 8 * 1024 * 1024, files: 1 } }) : undefined;
        if (!file || file.fieldname !== 'photo') throw invalidField('body.photo', 'send the image as multipart form field "photo"');
        const body = await file.toBuffer().catch(() => {
          throw invalidField('body.photo', 'is larger than 8 MB', 'PHOTO_TOO_LARGE');
        });
        return reply.status(201).send(await photos.add(request.ctx, request.params.id, body));
      },
    );
    app.put(
      '/catalog/products/:id/photos/order',
      { schema: { tags, summary: "Order a product's photos; the first is its main picture", params: IdParams, body: Type.Object({ photoIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 9 }) }), response: { 200: Ok, ...errorResponses } } },
      async (request) => {
        await photos.reorder(request.ctx, request.params.id, request.body.photoIds);
        return { ok: true };
      },
    );
    app.delete('/catalog/photos/:id', { schema: { tags, summary: 'Remove a product photo', params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await photos.remove(request.ctx, request.params.id);
      return { ok: true };
    });
    app.get(
      '/catalog/photos/:id/:size',
      { ...open, schema: { tags, summary: 'A product photo (public, WebP)', params: Type.Object({ id: Type.String({ maxLength: 64 }), size: StringEnum(Object.keys(PHOTO_SIZES) as (keyof typeof PHOTO_SIZES)[]) }) } },
      async (request, reply) => {
        const body = await photos.file(request.params.id, request.params.size);
        // A photo id never changes its bytes, so browsers and proxies may keep it.
        return reply.header('cache-control', 'public, max-age=31536000, immutable').type('image/webp').send(body);
      },
    );
    app.put('/catalog/products/:id/specialty', { schema: { tags, summary: 'Put a product in or out of 鲁甸特色馆 (county admin)', params: IdParams, body: Type.Object({ inPavilion: Type.Boolean() }), response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await catalog.setSpecialty(request.ctx, request.params.id, request.body.inPavilion);
      return { ok: true };
    });
  };
}
