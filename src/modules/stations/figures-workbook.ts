import ExcelJS from 'exceljs';
import { SERVICE_KINDS, SERVICE_KIND_LABELS } from './events.js';
import type { FigureRowView, FiguresBook } from './figures.service.js';

const YUAN = '#,##0.00';
const SITE_KIND_LABELS = { township_station: '乡镇服务站', village_point: '村级服务点' } as const;

/** Yuan from integer fen: exact to the fen (fen / 100 is a double the cell shows with two decimals). */
const yuan = (fen: number) => fen / 100;

interface Column {
  header: string;
  width: number;
  money?: boolean;
  value: (r: FigureRowView) => string | number | null;
}

const FIGURES: Column[] = [
  { header: '服务人次', width: 10, value: (r) => r.servicesTotal },
  ...SERVICE_KINDS.map((k): Column => ({ header: `${SERVICE_KIND_LABELS[k]}（笔）`, width: 10, value: (r) => r.services[k]?.count ?? 0 })),
  { header: '服务金额（元）', width: 14, money: true, value: (r) => yuan(r.amountFen) },
  { header: '手续费（元）', width: 12, money: true, value: (r) => yuan(r.feeFen) },
  { header: '到件（件）', width: 10, value: (r) => r.parcelsIn },
  { header: '寄件（件）', width: 10, value: (r) => r.parcelsOut },
  { header: '服务群众（人次，按日去重）', width: 16, value: (r) => r.peopleServed },
  { header: '其中贫困户（人次）', width: 14, value: (r) => r.poorServed },
  { header: '已日结（天）', width: 11, value: (r) => r.daysClosed },
  { header: '现金有差额（天）', width: 13, value: (r) => r.daysWithDifference },
];

const BY_SERVICE: Column[] = [
  { header: '笔数', width: 10, value: (r) => r.servicesTotal },
  { header: '金额（元）', width: 14, money: true, value: (r) => yuan(r.amountFen) },
  { header: '手续费（元）', width: 12, money: true, value: (r) => yuan(r.feeFen) },
  { header: '服务群众（人次，按日去重）', width: 16, value: (r) => r.peopleServed },
  { header: '其中贫困户（人次）', width: 14, value: (r) => r.poorServed },
];

function sheet(workbook: ExcelJS.Workbook, name: string, lead: Column[], columns: Column[], rows: FigureRowView[], total: FigureRowView): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: lead.length }] });
  const all = [...lead, ...columns];
  ws.columns = all.map((c) => ({ header: c.header, width: c.width, ...(c.money && { style: { numFmt: YUAN } }) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(all.map((c) => c.value(r)));
  const sum = ws.addRow([...lead.map((_, i) => (i === 0 ? '合计' : null)), ...columns.map((c) => c.value(total))]);
  sum.font = { bold: true };
  all.forEach((c, i) => {
    if (c.money) sum.getCell(i + 1).numFmt = YUAN;
  });
}

/**
 * 站点服务 figures as a workbook: 按站点, 按乡镇 and 按服务类型, Chinese headers, yuan with two decimals from integer
 * fen, a 合计 row on each sheet (the same total: by service, parcels and closed days belong to no kind and show in
 * the 合计 row only), and 说明 with the span, the place and what each column counts.
 */
export async function figuresWorkbook(book: FiguresBook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CountyHub';
  sheet(
    workbook,
    '按站点',
    [
      { header: '站点', width: 22, value: (r) => r.name },
      { header: '乡镇', width: 12, value: (r) => r.townshipName },
      { header: '类型', width: 12, value: (r) => (r.siteKind ? SITE_KIND_LABELS[r.siteKind] : null) },
    ],
    FIGURES,
    book.bySite,
    book.total,
  );
  sheet(workbook, '按乡镇', [{ header: '乡镇', width: 14, value: (r) => r.name }], FIGURES, book.byTownship, book.total);
  sheet(workbook, '按服务类型', [{ header: '服务类型', width: 14, value: (r) => r.name }], BY_SERVICE, book.byService, book.total);

  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 18 }, { width: 90 }];
  for (const line of [
    ['统计范围', book.placeLabel],
    ['统计期间', `${book.from} 至 ${book.to}（营业日，北京时间）`],
    ['服务人次', '代买、代卖收货、收购、缴费、票务、助农取款、贷款推荐、农资销售，每记录一笔计 1 人次；作废的不计。代买在交付给村民时计 1 人次，登记、下单、到货不另计，取消的不计。'],
    ['服务金额', '服务记录登记的金额（不含手续费；代买为所购商品的下单金额）；作废的不计。'],
    ['手续费', '各项服务收取的手续费，含代买交付时收取的服务费。'],
    ['到件、寄件', '到达本服务点的下行包裹、在本服务点寄出的上行包裹（物流模块记录）。'],
    ['服务群众', '每个站点每天服务的不同群众人数之和（同一人同一天在同一站点办理多项只计 1）；按服务类型分列时，同一人同一天办理两类服务在两类中各计 1，合计仍计 1。'],
    ['已日结、现金有差额', '已日结的营业日天数，其中清点现金与应有现金不符（已说明原因）的天数。'],
  ])
    about.addRow(line);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
