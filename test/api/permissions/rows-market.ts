import { LEHONG_VILLAGE, OWN_POINT, ROLES, multipart, next, type Row, type World } from './world.js';

/** Sellers, poor households and the ledger; the catalogue; orders, presales and payments. */
export function marketRows(w: World): Row[] {
  const fresh = (make: () => Promise<string>, url: (id: string) => string, body?: unknown) => async () => ({ url: url(await make()), body });
  const shipTo = { name: '李明', phone: '13800138000', address: '乐红镇乐红村 3 社', divisionCode: LEHONG_VILLAGE };
  return [
    // ---- parties: a merchant applies for itself, a village point for a farmer (代卖), the county for anyone ----
    { op: 'POST /api/v1/parties/sellers', allowed: ['county', 'merchant', 'village'], req: (who) => ({ url: '/parties/sellers', body: who === 'merchant' ? w.coopApplication() : w.farmerApplication() }) },
    // Everyone lists sellers: the county office and regulators all, anyone else the ones they manage.
    { op: 'GET /api/v1/parties/sellers', allowed: ROLES },
    { op: 'GET /api/v1/parties/sellers/{id}', allowed: ['county', 'regulator', 'merchant'], req: () => ({ url: `/parties/sellers/${w.seller}` }) },
    { op: 'PATCH /api/v1/parties/sellers/{id}', allowed: ['county', 'merchant'], req: () => ({ url: `/parties/sellers/${w.seller}`, body: { address: '乐红镇乐红村' } }) },
    { op: 'GET /api/v1/parties/sellers/{id}/profile', allowed: 'public', req: () => ({ url: `/parties/sellers/${w.seller}/profile` }) },
    { op: 'POST /api/v1/parties/sellers/{id}/review', allowed: ['county'], req: fresh(() => w.newSeller('pending'), (id) => `/parties/sellers/${id}/review`, { decision: 'approve' }) },
    { op: 'POST /api/v1/parties/sellers/{id}/resubmit', allowed: ['merchant'], req: fresh(() => w.newSeller('rejected'), (id) => `/parties/sellers/${id}/resubmit`, { address: '乐红镇乐红村 2 社' }) },
    { op: 'POST /api/v1/parties/sellers/{id}/suspend', allowed: ['county'], req: fresh(() => w.newSeller('approved'), (id) => `/parties/sellers/${id}/suspend`, { reason: '核查' }) },
    { op: 'POST /api/v1/parties/sellers/{id}/reinstate', allowed: ['county'], req: fresh(() => w.newSeller('suspended'), (id) => `/parties/sellers/${id}/reinstate`) },
    // The whole ID number is for the account that manages the farmer, no one else.
    { op: 'GET /api/v1/parties/sellers/{id}/id-number', allowed: ['village'], req: () => ({ url: `/parties/sellers/${w.farmerSeller}/id-number` }) },
    { op: 'POST /api/v1/parties/households', allowed: ['county'], req: () => ({ url: '/parties/households', body: w.newHousehold() }) },
    // The register is the county office's and regulators'; anyone else sees only a household that is theirs.
    { op: 'GET /api/v1/parties/households', allowed: ROLES },
    { op: 'GET /api/v1/parties/households/{id}', allowed: ['county', 'regulator', 'consumer'], req: () => ({ url: `/parties/households/${w.ownHousehold}` }) },
    // demo.consumer's own household: the head's whole ID number is for it alone.
    { op: 'GET /api/v1/parties/households/{id}/id-number', allowed: ['consumer'], req: () => ({ url: `/parties/households/${w.ownHousehold}/id-number` }) },
    { op: 'PATCH /api/v1/parties/households/{id}', allowed: ['county'], req: () => ({ url: `/parties/households/${w.household}`, body: { headName: '陈明' } }) },
    { op: 'POST /api/v1/parties/households/{id}/links', allowed: ['county'], req: () => ({ url: `/parties/households/${w.household}/links`, body: { sellerId: w.seller, role: 'grower', shareBp: 1 } }) },
    { op: 'GET /api/v1/parties/ledger', allowed: ['county', 'regulator'], req: () => ({ url: '/parties/ledger?by=household' }) },
    { op: 'GET /api/v1/parties/ledger/export.xlsx', allowed: ['county', 'regulator'], req: () => ({ url: '/parties/ledger/export.xlsx?by=household' }) },
    { op: 'GET /api/v1/parties/households/{id}/ledger', allowed: ['county', 'regulator'], req: () => ({ url: `/parties/households/${w.household}/ledger` }) },
    { op: 'POST /api/v1/parties/household-links/{id}/end', allowed: ['county'], req: async () => ({ url: `/parties/household-links/${await w.newLink()}/end`, body: { validTo: w.tomorrow } }) },

    // ---- catalogue: the shop is public; a product is managed by its seller's accounts and the county office ----
    { op: 'GET /api/v1/catalog/search', allowed: 'public', req: () => ({ url: '/catalog/search?q=花椒' }) },
    { op: 'GET /api/v1/catalog/products/{id}', allowed: 'public', req: () => ({ url: `/catalog/products/${w.product}` }) },
    { op: 'PATCH /api/v1/catalog/products/{id}', allowed: ['county', 'merchant'], req: () => ({ url: `/catalog/products/${w.product}`, body: { status: 'listed' } }) },
    { op: 'GET /api/v1/catalog/categories', allowed: 'public', req: () => ({ url: '/catalog/categories' }) },
    { op: 'POST /api/v1/catalog/categories', allowed: ['county'], req: () => ({ url: '/catalog/categories', body: { name: `测试类${next()}` } }) },
    { op: 'GET /api/v1/catalog/brands', allowed: 'public', req: () => ({ url: '/catalog/brands' }) },
    { op: 'POST /api/v1/catalog/brands', allowed: ['county'], req: () => ({ url: '/catalog/brands', body: { name: `测试品牌${next()}` } }) },
    // Who holds a public brand is no secret: every signed-in role reads a brand's licences (the product form lists them).
    { op: 'GET /api/v1/catalog/brands/{id}/licences', allowed: ROLES, req: () => ({ url: `/catalog/brands/${w.brand}/licences` }) },
    { op: 'POST /api/v1/catalog/brands/{id}/licences', allowed: ['county'], req: () => ({ url: `/catalog/brands/${w.brand}/licences`, body: { sellerId: w.seller, licenceNo: `LIC-${next()}`, validFrom: '2020-01-01', validTo: '2099-12-31' } }) },
    { op: 'POST /api/v1/catalog/licences/{id}/revoke', allowed: ['county'], req: fresh(() => w.newLicence(), (id) => `/catalog/licences/${id}/revoke`) },
    // Each caller gets the products of the sellers it manages (none is an empty page).
    { op: 'GET /api/v1/catalog/manage/products', allowed: ROLES },
    { op: 'GET /api/v1/catalog/manage/products/{id}', allowed: ['county', 'regulator', 'merchant'], req: () => ({ url: `/catalog/manage/products/${w.product}` }) },
    { op: 'POST /api/v1/catalog/products', allowed: ['county', 'merchant'], req: () => ({ url: '/catalog/products', body: w.newProduct() }) },
    { op: 'PUT /api/v1/catalog/skus/{id}/stock', allowed: ['county', 'merchant'], req: () => ({ url: `/catalog/skus/${w.sku}/stock`, body: { location: 'seller', onHand: 100000 } }) },
    {
      op: 'POST /api/v1/catalog/products/{id}/certifications',
      allowed: ['county', 'merchant'],
      req: () => ({ url: `/catalog/products/${w.product}/certifications`, body: { kind: 'green_food', number: `LB-${next()}`, issuer: '中国绿色食品发展中心', validFrom: '2026-01-01', validTo: '2029-12-31' } }),
    },
    { op: 'POST /api/v1/catalog/products/{id}/photos', allowed: ['county', 'merchant'], req: async () => ({ url: `/catalog/products/${await w.photoProduct()}/photos`, raw: multipart('photo', 'p.png', 'image/png', w.png) }) },
    {
      op: 'PUT /api/v1/catalog/products/{id}/photos/order',
      allowed: ['county', 'merchant'],
      req: async () => {
        const { productId, photoId } = await w.productWithPhoto();
        return { url: `/catalog/products/${productId}/photos/order`, body: { photoIds: [photoId] } };
      },
    },
    { op: 'DELETE /api/v1/catalog/photos/{id}', allowed: ['county', 'merchant'], req: fresh(() => w.newPhoto(), (id) => `/catalog/photos/${id}`) },
    { op: 'GET /api/v1/catalog/photos/{id}/{size}', allowed: 'public', req: async () => ({ url: `/catalog/photos/${await w.newPhoto()}/thumb` }) },
    { op: 'PUT /api/v1/catalog/products/{id}/specialty', allowed: ['county'], req: () => ({ url: `/catalog/products/${w.product}/specialty`, body: { inPavilion: false } }) },

    // ---- orders: anyone signed in buys; the seller ships; the collecting point takes the cash; the buyer confirms ----
    {
      op: 'POST /api/v1/orders/checkout',
      allowed: ROLES,
      req: () => ({ url: '/orders/checkout', body: { items: [{ skuId: w.sku, quantity: 1 }], paymentMethod: 'village_cash', delivery: 'parcel', shipTo, pickupSiteId: OWN_POINT } }),
    },
    // 代下单: only a village point, for a walk-in villager, cash at its own point.
    { op: 'POST /api/v1/orders/walk-in', allowed: ['village'], req: () => ({ url: '/orders/walk-in', body: { items: [{ skuId: w.sku, quantity: 1 }], name: '王秀英', phone: '13912345678' } }) },
    { op: 'GET /api/v1/orders', allowed: ROLES },
    // demo.consumer's order from the co-op, cash at 乐红村's point.
    { op: 'GET /api/v1/orders/{id}', allowed: ['county', 'regulator', 'consumer', 'merchant', 'village'], req: () => ({ url: `/orders/${w.order}` }) },
    { op: 'POST /api/v1/orders/{id}/cash-received', allowed: ['county', 'village'], req: fresh(() => w.newOrder('pending_payment'), (id) => `/orders/${id}/cash-received`) },
    { op: 'POST /api/v1/orders/{id}/ship', allowed: ['county', 'merchant'], req: fresh(() => w.newOrder('paid'), (id) => `/orders/${id}/ship`, { carrier: 'yunda', waybillNo: `YD${Date.now()}${next()}` }) },
    { op: 'POST /api/v1/orders/{id}/deliver', allowed: ['county', 'merchant', 'courier'], req: fresh(() => w.newOrder('shipped'), (id) => `/orders/${id}/deliver`) },
    { op: 'POST /api/v1/orders/{id}/complete', allowed: ['county', 'consumer'], req: fresh(() => w.newOrder('delivered'), (id) => `/orders/${id}/complete`) },
    { op: 'POST /api/v1/orders/{id}/cancel', allowed: ['county', 'consumer', 'merchant'], req: fresh(() => w.newOrder('pending_payment'), (id) => `/orders/${id}/cancel`, { reason: '不要了' }) },
    { op: 'POST /api/v1/orders/{id}/return', allowed: ['consumer'], req: fresh(() => w.newOrder('delivered'), (id) => `/orders/${id}/return`, { reason: '包装破损' }) },
    { op: 'POST /api/v1/orders/{id}/return/accept', allowed: ['county', 'merchant'], req: fresh(() => w.newOrder('return_requested'), (id) => `/orders/${id}/return/accept`) },
    { op: 'POST /api/v1/orders/{id}/return/refuse', allowed: ['county', 'merchant'], req: fresh(() => w.newOrder('return_requested'), (id) => `/orders/${id}/return/refuse`, { reason: '已超过退货期' }) },
    { op: 'GET /api/v1/orders/campaigns', allowed: 'public', req: () => ({ url: '/orders/campaigns' }) },
    {
      op: 'POST /api/v1/orders/campaigns',
      allowed: ['county', 'merchant'],
      req: () => {
        const deadline = new Date(Date.now() + 10 * 86_400_000);
        return { url: '/orders/campaigns', body: { skuId: w.sku, title: `预售${next()}`, priceFen: 1500, targetQty: 100, deadline: deadline.toISOString(), shipDate: new Date(deadline.getTime() + 2 * 86_400_000).toISOString().slice(0, 10) } };
      },
    },
    { op: 'GET /api/v1/orders/campaigns/{id}', allowed: 'public', req: () => ({ url: `/orders/campaigns/${w.campaign}` }) },
    { op: 'POST /api/v1/orders/campaigns/{id}/back', allowed: ROLES, req: () => ({ url: `/orders/campaigns/${w.campaign}/back`, body: { quantity: 1, paymentMethod: 'village_cash', delivery: 'parcel', shipTo, pickupSiteId: OWN_POINT } }) },
    { op: 'GET /api/v1/orders/delivery-fees', allowed: 'public', req: () => ({ url: '/orders/delivery-fees' }) },
    { op: 'PUT /api/v1/orders/delivery-fees', allowed: ['county'], req: () => ({ url: '/orders/delivery-fees', body: { fees: [{ townshipCode: '530621101', feeFen: 300 }] } }) },
    // The provider's callback is signed, not signed in: unsigned, it is a 400 and changes nothing.
    { op: 'POST /api/v1/payments/callback/local', allowed: 'public', req: () => ({ url: '/payments/callback/local', body: { providerRef: 'x', orderId: 'x', amountFen: 1, status: 'succeeded' } }) },
    // The local provider's pay button pays the buyer's own online order.
    {
      op: 'POST /api/v1/payments/local/{ref}/pay',
      allowed: ['consumer'],
      req: async () => {
        const order = await w.ok('consumer', 'GET', `/orders/${await w.newOrder('pending_payment', 'online')}`);
        return { url: order.payUrl };
      },
    },
  ];
}
