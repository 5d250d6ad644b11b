import { useLocale } from '../../../app/locale/LocaleContext.js';

/** The jobs page's words, [中文, English] (kept beside the page, as the demo banner keeps its own). */
export const jobsMessages = {
  'jobs.menu': ['后台任务', 'Jobs'],
  'jobs.title': ['后台任务', 'Background jobs'],
  'jobs.subtitle': ['定时与一次性任务：何时运行、上次结果与连续失败（多个进程共用，每个到期任务只运行一次）', 'Scheduled and one-off jobs: when they run, how the last run went and failures in a row (shared by all app processes; each due job runs once)'],
  'jobs.admin': ['系统管理', 'Administration'],
  'jobs.col.title': ['任务', 'Job'],
  'jobs.col.schedule': ['计划', 'Schedule'],
  'jobs.col.next': ['下次运行', 'Next run'],
  'jobs.col.last': ['上次运行', 'Last run'],
  'jobs.col.failures': ['连续失败', 'Failures in a row'],
  'jobs.col.error': ['错误信息', 'Error'],
  'jobs.col.actions': ['操作', 'Actions'],
  'jobs.runNow': ['立即运行', 'Run now'],
  'jobs.runNow.done': ['已安排，将在几秒内由任一进程运行', 'Scheduled: an app process runs it within seconds'],
  'jobs.running': ['运行中', 'Running'],
  'jobs.queued': ['{n} 个待运行', '{n} waiting'],
  'jobs.never': ['尚未运行', 'Not run yet'],
  'jobs.onDemand': ['按需', 'On demand'],
  'jobs.outcome.succeeded': ['成功', 'Succeeded'],
  'jobs.outcome.failed': ['失败', 'Failed'],
  'jobs.outcome.lost': ['中断', 'Interrupted'],
  'jobs.outcome.running': ['运行中', 'Running'],
  'jobs.runs.title': ['最近运行', 'Recent runs'],
  'jobs.runs.started': ['开始', 'Started'],
  'jobs.runs.finished': ['结束', 'Finished'],
  'jobs.runs.attempt': ['第几次尝试', 'Attempt'],
  'jobs.runs.outcome': ['结果', 'Outcome'],
  'jobs.runs.summary': ['结果摘要', 'Summary'],
  'jobs.runs.none': ['暂无运行记录', 'No runs yet'],
  'jobs.every.second': ['每秒', 'Every second'],
  'jobs.every.seconds': ['每 {n} 秒', 'Every {n} seconds'],
  'jobs.every.minute': ['每分钟', 'Every minute'],
  'jobs.every.minutes': ['每 {n} 分钟', 'Every {n} minutes'],
  'jobs.every.hour': ['每小时', 'Every hour'],
  'jobs.every.hours': ['每 {n} 小时', 'Every {n} hours'],
  'jobs.every.day': ['每天', 'Every day'],
  'jobs.every.days': ['每 {n} 天', 'Every {n} days'],
} as const satisfies Record<string, readonly [string, string]>;

export type JobsKey = keyof typeof jobsMessages;
export type JobsText = (key: JobsKey, vars?: Record<string, string | number>) => string;

/** The page's words in the current language, with `{name}` filled in. */
export function useJobsText(): JobsText {
  const { lang } = useLocale();
  return (key, vars) => {
    let text: string = jobsMessages[key][lang === 'en' ? 1 : 0];
    for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}
