import { useLocale } from '../../app/locale/LocaleContext.js';

/** The reports page's words, [中文, English]. */
export const reportsMessages = {
  'reports.title': ['统计报表', 'Reports'],
  'reports.subtitle': ['月报、季报、年报与绩效自评：由后台任务按统计数据生成 Excel 与 PDF（含图表和文字概述），每次生成保留一个新版本；每月初自动生成上月月报', 'Monthly, quarterly and annual reports and the performance self-evaluation: a background job makes Excel and PDF files (charts and a written summary) from the statistics; each run keeps a new version; last month’s report is made early each month'],
  'reports.stats': ['统计', 'Statistics'],
  'reports.generate': ['生成报表', 'Generate'],
  'reports.generate.title': ['生成新报表', 'New report'],
  'reports.kind': ['报表类型', 'Kind'],
  'reports.period': ['报告期', 'Period'],
  'reports.queued': ['已提交，正在后台生成', 'Queued: the report is being made in the background'],
  'reports.kind.month': ['月报', 'Monthly'],
  'reports.kind.quarter': ['季报', 'Quarterly'],
  'reports.kind.year': ['年报', 'Annual'],
  'reports.kind.self_evaluation': ['绩效自评', 'Self-evaluation'],
  'reports.col.title': ['报表', 'Report'],
  'reports.col.version': ['版本', 'Version'],
  'reports.col.status': ['状态', 'Status'],
  'reports.col.by': ['生成人', 'Requested by'],
  'reports.col.at': ['提交时间', 'Requested'],
  'reports.col.actions': ['下载', 'Download'],
  'reports.version': ['第 {n} 版', 'v{n}'],
  'reports.status.queued': ['排队中', 'Queued'],
  'reports.status.running': ['生成中', 'Running'],
  'reports.status.done': ['已完成', 'Done'],
  'reports.status.failed': ['失败', 'Failed'],
  'reports.download.xlsx': ['Excel', 'Excel'],
  'reports.download.pdf': ['PDF', 'PDF'],
  'reports.summary': ['概述', 'Summary'],
  'reports.empty': ['还没有报表', 'No reports yet'],
  'reports.quarter': ['{y}年第{q}季度', 'Q{q} {y}'],
  'reports.month': ['{y}年{m}月', '{y}-{mm}'],
  'reports.year': ['{y}年', '{y}'],
} as const satisfies Record<string, readonly [string, string]>;

export type ReportsKey = keyof typeof reportsMessages;
export type ReportsText = (key: ReportsKey, vars?: Record<string, string | number>) => string;

export function useReportsText(): ReportsText {
  const { lang } = useLocale();
  return (key, vars) => {
    let text: string = reportsMessages[key][lang === 'en' ? 1 : 0];
    for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}
