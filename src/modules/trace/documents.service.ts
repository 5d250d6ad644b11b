import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { conflict, invalidField } from '../../kernel/errors.js';
import { offloaded } from '../../kernel/offload.js';
import { mayKeep } from './access.js';
import type { TraceRepository } from './trace.repository.js';
import { traceUrl } from './trace-code.js';
import { CROP_NAMES } from './trace.tables.js';
import type { Label, LabelFormat } from './pdf/labels.js';
import type { RecordDetails } from './trace.schema.js';
import type { GenealogyService } from './genealogy.service.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';
import { placeName } from './place-name.js';
import type { Sealer } from '../../kernel/sealed.js';

const UNIT_NAMES: Record<string, string> = { kg: '千克', jin: '斤', t: '吨' };
/**
 * Labels in one PDF: 500 thermal labels is a full roll of the common 50 × 30 mm size, and 21 A4 sheets of 24; each
 * label draws its QR code as vector squares, so a file of 500 takes about a second to render (in a worker thread).
 * More carton or unit labels come in pages of 500 (`page`).
 */
export const MAX_LABELS = 500;

// Rendering a PDF is CPU work: done in a worker thread (kernel/offload.ts), never on the request thread.
const certificates = offloaded<typeof import('./pdf/certificate.js')>(new URL('./pdf/certificate.js', import.meta.url));
const labelSheets = offloaded<typeof import('./pdf/labels.js')>(new URL('./pdf/labels.js', import.meta.url));

/** Printed papers of a batch: its 承诺达标合格证 and its QR labels. */
export class DocumentService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly genealogy: GenealogyService,
  ) {}

  async certificate(ctx: RequestContext, batchId: string, origin: string): Promise<{ fileName: string; body: Buffer }> {
    const { viewer, batch, producer } = await this.access.readBatch(ctx, batchId);
    if (batch.status === 'recalled') throw conflict('BATCH_RECALLED', 'A recalled batch gets no compliance certificate');
    if (batch.held === 1) throw conflict('BATCH_HELD', 'A batch held for the regulator’s review gets no compliance certificate');
    const book = await this.ports.places.placeBook();
    const plots = (await this.genealogy.reach([batch.id], 'up')).filter((b) => b.plot_id).map((b) => b.plot_id!);
    const tests = plots.length ? await this.repo.db.selectFrom('trace_records').select(['details', 'occurred_on']).where('plot_id', 'in', plots).where('kind', '=', 'lab_test').where('occurred_on', '<=', batch.harvested_on).execute() : [];
    const passed = tests.some((t) => (JSON.parse(t.details) as RecordDetails).labTest!.items.every((i) => i.pass));
    const phone = mayKeep(viewer, producer) && producer.phone_sealed ? this.sealer.open(producer.phone_sealed) : (producer.phone_masked ?? '');
    const body = await certificates('certificatePdf', {
      product: batch.product_name ?? `${CROP_NAMES[batch.crop]}${batch.variety ? `（${batch.variety}）` : ''}`,
      quantity: `${batch.quantity_left > 0 ? batch.quantity_left : batch.quantity} ${UNIT_NAMES[batch.unit] ?? batch.unit}`,
      origin: `${book.countyName} ${placeName(book, batch.division_code)}`,
      producer: producer.name,
      contact: phone,
      issuedOn: shanghaiDate(this.clock.now()),
      code: batch.code,
      url: traceUrl(origin, batch),
      basis: passed ? 'lab_test' : 'internal_control',
      note: batch.overridden ? '注：该批次经监管部门特批采收（安全间隔期未满），详见扫码页。' : null,
    });
    return { fileName: `certificate-${batch.code}.pdf`, body };
  }

  /**
   * Labels for the batch itself (`copies` of one code), or one per serialised carton or unit, MAX_LABELS a file:
   * `page` (from 1) picks which of them; `pages` says how many files the level needs.
   */
  async labels(ctx: RequestContext, batchId: string, format: LabelFormat, level: 'batch' | 'carton' | 'unit', copies: number, origin: string, page = 1): Promise<{ fileName: string; body: Buffer; pages: number }> {
    if (copies > MAX_LABELS) throw invalidField('querystring.copies', `at most ${MAX_LABELS} labels a file`);
    const { batch } = await this.access.readBatch(ctx, batchId);
    const book = await this.ports.places.placeBook();
    const common = { product: batch.product_name ?? `${book.countyName}${CROP_NAMES[batch.crop]} ${batch.variety}`, code: batch.code, origin: `产地 ${placeName(book, batch.division_code)}` };
    let labels: Label[];
    let pages = 1;
    if (level === 'batch') labels = Array.from({ length: copies }, () => ({ ...common, url: traceUrl(origin, batch), serial: null }));
    else {
      const packages = this.repo.db.selectFrom('trace_packages').where('batch_id', '=', batch.id).where('level', '=', level);
      const { n } = await packages.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      if (Number(n) === 0) throw conflict('NOT_PACKED', `The batch has no ${level === 'unit' ? 'units' : 'cartons'}; pack it first`);
      pages = Math.ceil(Number(n) / MAX_LABELS);
      if (page > pages) throw invalidField('querystring.page', `the batch's ${level === 'unit' ? 'units' : 'cartons'} fill ${pages} page(s) of ${MAX_LABELS} labels`);
      const rows = await packages.select('serial').orderBy('serial').limit(MAX_LABELS).offset((page - 1) * MAX_LABELS).execute();
      labels = rows.map((p) => ({ ...common, url: traceUrl(origin, batch, p.serial), serial: p.serial }));
    }
    const part = pages > 1 ? `-${page}of${pages}` : '';
    return { fileName: `labels-${batch.code}-${level}-${format}${part}.pdf`, body: await labelSheets('labelsPdf', labels, format, `追溯标签 ${batch.code}`), pages };
  }
}
