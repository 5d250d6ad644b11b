/**
 * The report's rendering, run on the offload pool's worker threads (kernel/offload.ts): charts (ECharts on the
 * server → SVG → PNG), the workbook and the PDF. Pure computation on plain data; no database, no request state.
 */
export { renderCharts } from './charts.js';
export { renderWorkbook } from './workbook.js';
export { renderPdf } from './pdf.js';
