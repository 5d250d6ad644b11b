import type { EnumPicks } from './pick-enum.js';

/**
 * The value lists the console iterates, by the name the generated file exports them under, and where each lives
 * in the API. The console keeps the Chinese labels; the values and their order come from here.
 */
export const CONSOLE_ENUMS: EnumPicks = {
  // auth, identity
  ROLES: { operation: 'GET /api/v1/auth/me', at: 'response.roles[]' },
  // network
  SITE_KINDS: { operation: 'GET /api/v1/network/sites/{id}', at: 'response.kind' },
  SITE_STATUSES: { operation: 'GET /api/v1/network/sites/{id}', at: 'response.status' },
  SITE_SERVICES: { operation: 'GET /api/v1/network/sites/{id}', at: 'response.services[]' },
  // parties
  SELLER_KINDS: { operation: 'GET /api/v1/parties/sellers/{id}', at: 'response.kind' },
  SELLER_STATUSES: { operation: 'GET /api/v1/parties/sellers/{id}', at: 'response.status' },
  SELLER_TAGS: { operation: 'GET /api/v1/parties/sellers/{id}', at: 'response.tags[]' },
  HOUSEHOLD_STATUSES: { operation: 'GET /api/v1/parties/households/{id}', at: 'response.status' },
  LINK_ROLES: { operation: 'POST /api/v1/parties/households/{id}/links', at: 'body.role' },
  LEDGER_GROUPS: { operation: 'GET /api/v1/parties/ledger', at: 'query.by' },
  // catalog
  PRODUCT_STATUSES: { operation: 'GET /api/v1/catalog/products/{id}', at: 'response.status' },
  STOCK_LOCATIONS: { operation: 'PUT /api/v1/catalog/skus/{id}/stock', at: 'body.location' },
  CERT_KINDS: { operation: 'POST /api/v1/catalog/products/{id}/certifications', at: 'body.kind' },
  PAVILIONS: { operation: 'GET /api/v1/catalog/products/{id}', at: 'response.pavilions[]' },
  // orders
  ORDER_STATUSES: { operation: 'GET /api/v1/orders/{id}', at: 'response.status' },
  PAYMENT_METHODS: { operation: 'GET /api/v1/orders/{id}', at: 'response.paymentMethod' },
  PAYMENT_STATUSES: { operation: 'GET /api/v1/orders/{id}', at: 'response.payments[].status' },
  DELIVERY_KINDS: { operation: 'GET /api/v1/orders/{id}', at: 'response.delivery' },
  CARRIERS: { operation: 'POST /api/v1/orders/{id}/ship', at: 'body.carrier' },
  CAMPAIGN_STATUSES: { operation: 'GET /api/v1/orders/campaigns/{id}', at: 'response.status' },
  // logistics
  PARCEL_CARRIERS: { operation: 'POST /api/v1/logistics/scans', at: 'body.carrier' },
  PARCEL_STATUSES: { operation: 'GET /api/v1/logistics/parcels/{id}', at: 'response.status' },
  SCAN_TYPES: { operation: 'GET /api/v1/logistics/parcels/{id}', at: 'response.events[].type' },
  MATCH_STATES: { operation: 'GET /api/v1/logistics/parcels/{id}', at: 'response.matchState' },
  PROBLEM_CODES: { operation: 'GET /api/v1/logistics/parcels/{id}', at: 'response.problemCode' },
  ROUTE_MODES: { operation: 'POST /api/v1/logistics/routes', at: 'body.mode' },
  RUN_STATUSES: { operation: 'GET /api/v1/logistics/runs/{id}', at: 'response.status' },
  // trace
  TRACE_CROPS: { operation: 'GET /api/v1/trace/batches/{id}', at: 'response.crop' },
  BATCH_STATUSES: { operation: 'GET /api/v1/trace/batches', at: 'query.status' },
  BATCH_ORIGINS: { operation: 'GET /api/v1/trace/batches/{id}', at: 'response.origin' },
  PACKAGE_LEVELS: { operation: 'GET /api/v1/trace/batches/{id}/packages', at: 'query.level' },
  LABEL_LEVELS: { operation: 'GET /api/v1/trace/batches/{id}/labels.pdf', at: 'query.level' },
  STOCK_PLACES: { operation: 'POST /api/v1/trace/batches/{id}/stock', at: 'body.location' },
  CROPS: { operation: 'GET /api/v1/trace/plots/{id}', at: 'response.crop' },
  RECORD_KINDS: { operation: 'POST /api/v1/trace/plots/{id}/records', at: 'body.kind' },
  INPUT_CATEGORIES: { operation: 'POST /api/v1/trace/plots/{id}/records', at: 'body.input.category' },
  ACTIVITY_TYPES: { operation: 'POST /api/v1/trace/plots/{id}/records', at: 'body.activity.type' },
  HARVEST_UNITS: { operation: 'POST /api/v1/trace/plots/{id}/records', at: 'body.harvest.unit' },
  PRODUCER_KINDS: { operation: 'POST /api/v1/trace/producers', at: 'body.kind' },
  RECALL_RESPONSES: { operation: 'POST /api/v1/trace/recall-notices/{id}/response', at: 'body.response' },
  FINDING_CODES: { operation: 'GET /api/v1/trace/refusals', at: 'response.items[].findings[].code' },
  // stations
  STATION_SERVICE_KINDS: { operation: 'GET /api/v1/stations/records', at: 'query.service' },
  STATION_DAY_STATUSES: { operation: 'GET /api/v1/stations/days', at: 'query.status' },
  FARM_INPUT_KINDS: { operation: 'POST /api/v1/stations/farm-inputs', at: 'body.kind' },
};
