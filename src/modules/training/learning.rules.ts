/**
 * How a learner's reports become progress (pure, so the rule reads in one place and is tested on its own).
 *
 * Video: the player reports its position about every 15 s and on pause/end. The server credits the forward movement
 * since the previous report, but never more than the wall time that passed between the two reports (a learner cannot
 * "watch" 20 minutes in one request, nor by skipping ahead, nor faster than real time), never more than
 * MAX_CREDIT_PER_REPORT_SECONDS (one report interval with slack), and never beyond the video's length. The ceiling
 * matters because wall time alone also counts idle time: opening the page counts as a report, so without it a
 * learner could open a 20-minute video, leave it 20 minutes, jump to the end and be credited in full. With it, a
 * long gap between reports (page left open, tab asleep, paused) earns at most one interval's worth. A jump back credits nothing by itself; playing on from there is credited again (still never more
 * than the wall time), so whatever the seeking, 90 % of the length takes at least 90 % of the length in real time.
 * A video is done once the credited seconds reach 90 % of its length.
 *
 * Document: done when the learner says so, and only once its minimum reading time has passed since it was first
 * opened (default two minutes).
 */

export const VIDEO_DONE_SHARE = 0.9;
export const DEFAULT_MIN_READ_SECONDS = 120;
/** The most one report can credit: the player reports every 15 s, so 60 s leaves room for a late or throttled report. */
export const MAX_CREDIT_PER_REPORT_SECONDS = 60;

export interface VideoProgress {
  /** ISO time of the last report taken. */
  lastReportAt: string;
  positionSeconds: number;
  watchedSeconds: number;
}

/** Seconds watched that make a video of this length done (90 %, rounded up). */
export const secondsToFinish = (durationSeconds: number) => Math.ceil(durationSeconds * VIDEO_DONE_SHARE);

/** The progress after one more position report at `now`; `credited` is what this report added. */
export function creditVideo(before: VideoProgress, positionSeconds: number, durationSeconds: number, now: Date): VideoProgress & { credited: number; done: boolean } {
  const position = Math.max(0, Math.min(Math.floor(positionSeconds), durationSeconds));
  const elapsed = Math.max(0, Math.floor((now.getTime() - Date.parse(before.lastReportAt)) / 1000));
  const moved = Math.max(0, position - before.positionSeconds);
  const credited = Math.max(0, Math.min(moved, elapsed, MAX_CREDIT_PER_REPORT_SECONDS, durationSeconds - before.watchedSeconds));
  const watchedSeconds = before.watchedSeconds + credited;
  return { lastReportAt: now.toISOString(), positionSeconds: position, watchedSeconds, credited, done: watchedSeconds >= secondsToFinish(durationSeconds) };
}

/** Seconds left before a document opened at `openedAt` may be marked read (0 when it may). */
export function readingSecondsLeft(openedAt: string, minReadSeconds: number, now: Date): number {
  const ms = Date.parse(openedAt) + minReadSeconds * 1000 - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
