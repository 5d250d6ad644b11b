import { shanghaiDate } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { conflict } from '../../kernel/errors.js';
import { mayKeep } from './access.js';
import type { TraceBase } from './trace-base.js';
import { traceUrl } from './trace-code.js';
import { CROP_NAMES } from './trace.tables.js';
import { certificatePdf } from './pdf/certificate.js';
import { labelsPdf, type Label, type LabelFormat } from './pdf/labels.js';
import type { RecordDetails } from './trace.schema.js';
import type { GenealogyService } from './genealogy.service.js';

const UNIT_NAMES: Record<string, string> = { kg: '千克', jin: '斤', t: '吨' };
const MAX_LABELS = 5000;

/** Printed papers of a batch: its 承诺达标合格证 and its QR labels. */
export class DocumentService {
  constructor(
    private readonly base: TraceBase,
    private readonly genealogy: GenealogyService,
  ) {}

  async certificate(ctx: RequestContext, batchId: string, origin: string): Promise<{ fileName: string; body: Buffer }> {
    const { viewer, batch, producer } = await this.base.readBatch(ctx, batchId);
    if (batch.status === 'recalled') throw conflict('BATCH_RECALLED', 'A recalled batch gets no compliance certificate');
    if (batch.held === 1) throw conflict('BATCH_HELD', 'A batch held for the regulator’s review gets no compliance certificate');
    const book = await this.base.ports.places.placeBook();
    const plots = (await this.genealogy.reach([batch.id], 'up')).filter((b) => b.plot_id).map((b) => b.plot_id!);
    const tests = plots.length ? await this.base.db.selectFrom('trace_records').select(['details', 'occurred_on']).where('plot_id', 'in', plots).where('kind', '=', 'lab_test').where('occurred_on', '<=', batch.harvested_on).execute() : [];
    const passed = tests.some((t) => (JSON.parse(t.details) as RecordDetails).labTest!.items.every((i) => i.pass));
    const phone = mayKeep(viewer, producer) && producer.phone_sealed ? this.base.sealer.open(producer.phone_sealed) : (producer.phone_masked ?? '');
    const body = await certificatePdf({
      product: batch.product_name ?? `${CROP_NAMES[batch.crop]}${batch.variety ? `（${batch.variety}）` : ''}`,
      quantity: `${batch.quantity_left > 0 ? batch.quantity_left : batch.quantity} ${UNIT_NAMES[batch.unit] ?? batch.unit}`,
      origin: `${book.countyName} ${this.base.placeName(book, batch.division_code)}`,
      producer: producer.name,
      contact: phone,
      issuedOn: shanghaiDate(this.base.clock.now()),
      code: batch.code,
      url: traceUrl(origin, batch),
      basis: passed ? 'lab_test' : 'internal_control',
      note: batch.overridden ? '注：该批次经监管部门特批采收（安全间隔期未满），详见扫码页。' : null,
    });
    return { fileName: `certificate-${batch.code}.pdf`, body };
  }

  /** Labels for the batch itself (`copies` of one code), or one per serialised carton or unit. */
  async labels(ctx: RequestContext, batchId: string, format: LabelFormat, level: 'batch' | 'carton' | 'unit', copies: number, origin: string): Promise<{ fileName: string; body: Buffer }> {
    const { batch } = await this.base.readBatch(ctx, batchId);
    const book = await this.base.ports.places.placeBook();
    const common = { product: batch.product_name ?? `${book.countyName}${CROP_NAMES[batch.crop]} ${batch.variety}`, code: batch.code, origin: `产地 ${this.base.placeName(book, batch.division_code)}` };
    let labels: Label[];
    if (level === 'batch') labels = Array.from({ length: Math.min(copies, MAX_LABELS) }, () => ({ ...common, url: traceUrl(origin, batch), serial: null }));
    else {
      const packages = await this.base.db.selectFrom('trace_packages').select('serial').where('batch_id', '=', batch.id).where('level', '=', level).orderBy('serial').limit(MAX_LABELS).execute();
      if (packages.length === 0) throw conflict('NOT_PACKED', `The batch has no ${level === 'unit' ? 'units' : 'cartons'}; pack it first`);
      labels = packages.map((p) => ({ ...common, url: traceUrl(origin, batch, p.serial), serial: p.serial }));
    }
    return { fileName: `labels-${batch.code}-${level}-${format}.pdf`, body: await labelsPdf(labels, format, `追溯标签 ${batch.code}`) };
  }
}
