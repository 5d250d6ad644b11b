import { useJobsText } from './jobs.messages.js';

/** The menu entry's words, in the current language (the page keeps its words beside it). */
export function JobsMenuLabel() {
  return <>{useJobsText()('jobs.menu')}</>;
}
