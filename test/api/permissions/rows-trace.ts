import fs from 'node:fs';
import { PDF, ROLES, multipart, next, type Row, type Who, type World } from './world.js';

const EPCIS_EXAMPLE = JSON.parse(fs.readFileSync(new URL('../../fixtures/epcis2/Example_9.6.1-ObjectEvent.jsonld', import.meta.url), 'utf8'));
/** Farm records and batches are read by producers, their points and township, the county office and regulators. */
const TRACE_READERS: Who[] = ['county', 'township', 'village', 'merchant', 'regulator'];
/** demo.merchant's co-op sits in 乐红村: the co-op, 乐红村's point and the county office keep its records. */
const KEEPERS: Who[] = ['county', 'merchant', 'village'];
/** …and they, 乐红镇's operator and regulators read them. */
const READERS: Who[] = [...KEEPERS, 'township', 'regulator'];
const REVIEWERS: Who[] = ['county', 'regulator'];

/** Producers, plots, farm records, lab reports, batches, reviews, recalls, EPCIS. */
export function traceRows(w: World): Row[] {
  const batchUrl = (tail: string) => () => ({ url: `/trace/batches/${w.batch}${tail}` });
  const observation = () => ({ kind: 'observation', occurredOn: w.daysAgo(2), observation: { subject: '长势', finding: '长势良好' } });
  return [
    { op: 'GET /api/v1/trace/producers', allowed: TRACE_READERS },
    // A merchant registers its own seller; farmers are registered by their township, village point or the county.
    { op: 'POST /api/v1/trace/producers', allowed: ['county', 'township', 'village', 'merchant'], req: async (who) => ({ url: '/trace/producers', body: who === 'merchant' ? { kind: 'seller', sellerId: await w.newSeller('pending'), divisionCode: '530621110205' } : { kind: 'farmer', name: `测试农户${next()}`, divisionCode: '530621110205' } }) },
    { op: 'GET /api/v1/trace/bases', allowed: TRACE_READERS },
    { op: 'POST /api/v1/trace/bases', allowed: KEEPERS, req: () => ({ url: '/trace/bases', body: { producerId: w.producer, name: `基地${next()}`, divisionCode: '530621110205', areaMu: 1 } }) },
    { op: 'GET /api/v1/trace/plots', allowed: TRACE_READERS },
    { op: 'POST /api/v1/trace/plots', allowed: KEEPERS, req: () => ({ url: '/trace/plots', body: { baseId: w.base, name: `地块${next()}`, crop: 'pepper', variety: '九叶青', areaMu: 1 } }) },
    { op: 'GET /api/v1/trace/plots/{id}', allowed: READERS, req: () => ({ url: `/trace/plots/${w.plot}` }) },
    { op: 'GET /api/v1/trace/plots/{id}/records', allowed: READERS, req: () => ({ url: `/trace/plots/${w.plot}/records` }) },
    { op: 'POST /api/v1/trace/plots/{id}/records', allowed: KEEPERS, req: () => ({ url: `/trace/plots/${w.plot}/records`, body: observation() }) },
    { op: 'POST /api/v1/trace/files', allowed: ['county', 'township', 'village', 'merchant'], req: () => ({ url: '/trace/files', raw: multipart('file', 'r.pdf', 'application/pdf', PDF) }) },
    // The co-op's report, cited by a record on its plot: read as the record is (test/api/trace-files.test.ts).
    { op: 'GET /api/v1/trace/files/{id}', allowed: READERS, req: () => ({ url: `/trace/files/${w.report}` }) },
    { op: 'GET /api/v1/trace/refusals', allowed: TRACE_READERS },
    // A refused harvest of 龙头山's apple co-op: not demo.merchant's, not in 乐红.
    { op: 'GET /api/v1/trace/refusals/{id}', allowed: REVIEWERS, req: () => ({ url: `/trace/refusals/${w.refusal}` }) },
    { op: 'POST /api/v1/trace/refusals/{id}/decision', allowed: ['regulator'], req: async () => ({ url: `/trace/refusals/${await w.newRefusal()}/decision`, body: { outcome: 'uphold', reason: '间隔期未满' } }) },
    { op: 'POST /api/v1/trace/refusals/{id}/override', allowed: ['regulator'], req: async () => ({ url: `/trace/refusals/${await w.newRefusal()}/override`, body: { reason: '复检合格' } }) },
    { op: 'GET /api/v1/trace/batches', allowed: TRACE_READERS },
    { op: 'GET /api/v1/trace/batches/{id}', allowed: READERS, req: batchUrl('') },
    { op: 'POST /api/v1/trace/batches/{id}/split', allowed: KEEPERS, req: () => ({ url: `/trace/batches/${w.batch}/split`, body: { parts: [{ quantity: 1 }] } }) },
    { op: 'POST /api/v1/trace/batches/merge', allowed: KEEPERS, req: async () => ({ url: '/trace/batches/merge', body: { batchIds: [await w.newBatch(), await w.newBatch()] } }) },
    { op: 'POST /api/v1/trace/batches/{id}/pack', allowed: KEEPERS, req: async () => ({ url: `/trace/batches/${await w.newBatch()}/pack`, body: { cartons: 1, unitsPerCarton: 2 } }) },
    // Into a SKU of the co-op: 乐红村's point keeps the co-op's records but does not sell for it.
    { op: 'POST /api/v1/trace/batches/{id}/stock', allowed: ['county', 'merchant'], req: async () => ({ url: `/trace/batches/${await w.newBatch()}/stock`, body: { skuId: w.sku, quantity: 1 } }) },
    { op: 'GET /api/v1/trace/batches/{id}/packages', allowed: READERS, req: batchUrl('/packages') },
    { op: 'GET /api/v1/trace/batches/{id}/genealogy', allowed: READERS, req: batchUrl('/genealogy') },
    { op: 'GET /api/v1/trace/batches/{id}/certificate.pdf', allowed: READERS, req: batchUrl('/certificate.pdf') },
    { op: 'GET /api/v1/trace/batches/{id}/labels.pdf', allowed: READERS, req: batchUrl('/labels.pdf') },
    { op: 'GET /api/v1/trace/batches/{id}/epcis', allowed: READERS, req: batchUrl('/epcis') },
    { op: 'POST /api/v1/trace/epcis', allowed: ['county', 'merchant', 'courier', 'regulator'], req: () => ({ url: '/trace/epcis', body: EPCIS_EXAMPLE }) },
    { op: 'GET /api/v1/trace/recalls', allowed: TRACE_READERS },
    { op: 'POST /api/v1/trace/recalls', allowed: REVIEWERS, req: async () => ({ url: '/trace/recalls', body: { batchIds: [await w.newBatch()], reason: '抽检不合格' } }) },
    // A recall of the co-op's batch: read by whoever may read one of its batches, as is its report.
    { op: 'GET /api/v1/trace/recalls/{id}', allowed: READERS, req: () => ({ url: `/trace/recalls/${w.recall}` }) },
    { op: 'POST /api/v1/trace/recalls/{id}/close', allowed: REVIEWERS, req: async () => ({ url: `/trace/recalls/${await w.newRecall()}/close` }) },
    { op: 'GET /api/v1/trace/recalls/{id}/report.xlsx', allowed: READERS, req: () => ({ url: `/trace/recalls/${w.recall}/report.xlsx` }) },
    { op: 'GET /api/v1/trace/recall-notices/mine', allowed: ROLES },
    // Only the buyer answers its notice.
    { op: 'POST /api/v1/trace/recall-notices/{id}/response', allowed: ['consumer'], req: () => ({ url: `/trace/recall-notices/${w.notice}/response`, body: { response: 'not_consumed' } }) },
    { op: 'GET /api/v1/trace/complaints', allowed: TRACE_READERS },
  ];
}
