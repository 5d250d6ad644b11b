import { createHash } from 'node:crypto';
import { invalidField } from '../../../kernel/errors.js';
import { assertEpcis, eventListOf } from './validate.js';

/** One captured event, ready to store: what the table indexes, and the event itself as JSON. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  eventTime: string;
  bizStep: string | null;
  /** Every trace code of ours the event names; the first links the event to its batch. */
  codes: string[];
  body: string;
}

/** A stable event id for an event that came without one (its content's hash, as CBV 2.0 suggests). */
export const hashId = (event: unknown) => `ni:///sha-256;${createHash('sha256').update(JSON.stringify(event)).digest('hex')}?ver=CBV2.0`;

const TRACE_CODE = /(?:\/10\/|\/t\/)(\d{20})/g;

/** Nesting a document may have: EPCIS itself needs about ten levels; the validator recurses once a level. */
export const MAX_DEPTH = 64;

/** The path of the first value nested deeper than MAX_DEPTH (walked without recursion), if any. */
function tooDeep(document: unknown): string | null {
  const stack: [unknown, string, number][] = [[document, 'body', 0]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return path;
    for (const [k, v] of Object.entries(value)) stack.push([v, `${path}.${k}`, depth + 1]);
  }
  return null;
}

/**
 * The CPU-heavy part of a capture, run in a worker thread (kernel/offload.ts): parse the document, validate it
 * against GS1's schema (EPCIS_INVALID, at most 50 problems), and turn each event into a row to store.
 */
export function prepareCapture(json: string): { documentId: string; events: PreparedEvent[] } {
  const document = JSON.parse(json) as { id?: unknown; type?: unknown };
  const deep = tooDeep(document);
  if (deep) throw invalidField(deep, `is nested more than ${MAX_DEPTH} levels deep`, 'EPCIS_INVALID');
  assertEpcis(document);
  const list = eventListOf(document);
  // A lone event is valid EPCIS too, but this endpoint takes documents (the standard's capture interface does).
  if (!list) throw invalidField('body.type', 'must be EPCISDocument or EPCISQueryDocument, with a list of events', 'EPCIS_INVALID');
  const events = (list.events as (Record<string, unknown> & { type: string; eventTime: string })[]).map((event) => {
    const eventId = typeof event.eventID === 'string' ? event.eventID : hashId(event);
    const body = JSON.stringify({ ...event, eventID: eventId });
    return { eventId, type: event.type, eventTime: event.eventTime, bizStep: typeof event.bizStep === 'string' ? event.bizStep : null, codes: [...new Set([...JSON.stringify(event).matchAll(TRACE_CODE)].map((m) => m[1]))], body };
  });
  return { documentId: typeof document.id === 'string' ? document.id : 'document', events };
}
