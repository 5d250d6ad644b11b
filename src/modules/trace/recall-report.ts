import ExcelJS from 'exceljs';
import type { RecallView } from './trace.schema.js';

/** The recall report for the file (summary, batches, every order with its buyer's answer); run in a worker thread. */
export async function recallWorkbook(recall: RecallView, responseNames: Record<string, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('召回概况 Summary');
  summary.columns = [{ width: 24 }, { width: 60 }];
  summary.addRows([
    ['召回编号 Recall', recall.id],
    ['原因 Reason', recall.reason],
    ['状态 Status', recall.status === 'open' ? '进行中 open' : '已结束 closed'],
    ['发起人 Opened by', recall.openedBy],
    ['发起时间 Opened at', recall.openedAt],
    ['结束时间 Closed at', recall.closedAt ?? ''],
    ['涉及订单 Orders', recall.counts.orders],
    ['涉及买家 Buyers', recall.counts.buyers],
    ['已通知 Notified', recall.counts.notified],
    ['已回复 Responded', recall.counts.responded],
    ['冻结库存 Stock held', recall.counts.frozen],
  ]);
  const batches = workbook.addWorksheet('批次 Batches');
  batches.columns = [{ header: '追溯码 Trace code', width: 26 }, { header: '商品 Product', width: 30 }, { header: '冻结库存 Held', width: 14 }];
  for (const b of recall.batches) batches.addRow([b.code, b.productName ?? '', b.frozen]);
  const notices = workbook.addWorksheet('订单与回复 Orders');
  notices.columns = [
    { header: '订单 Order', width: 34 },
    { header: '追溯码 Trace code', width: 26 },
    { header: '买家 Buyer', width: 10 },
    { header: '电话 Phone', width: 16 },
    { header: '通知时间 Notified', width: 26 },
    { header: '回复 Response', width: 18 },
    { header: '说明 Note', width: 30 },
    { header: '回复时间 Responded', width: 26 },
  ];
  for (const n of recall.notices) notices.addRow([n.orderId, n.batchCode, n.buyer, n.buyerPhone ?? '', n.notifiedAt ?? '', n.response ? responseNames[n.response] : '未回复', n.responseNote ?? '', n.respondedAt ?? '']);
  for (const sheet of [batches, notices]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
