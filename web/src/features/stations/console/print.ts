/** Printing a day book or a statement: the console's menu, header and buttons stay off the paper. */
export const PRINT_CSS = `
@media print {
  @page { size: A4 portrait; margin: 12mm 10mm; }
  .ant-layout-sider, .ant-layout-header, .ant-layout-footer, .ant-breadcrumb, .no-print, .demo-banner { display: none !important; }
  .ant-layout, .ant-layout-content, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  .ant-card { box-shadow: none !important; }
  .ant-tag { border: 0.6pt solid #000 !important; background: #fff !important; color: #000 !important; }
}
`;
