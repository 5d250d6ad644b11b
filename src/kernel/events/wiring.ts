import type { TSchema } from 'typebox';
import { eventKey, type EventDef, type Subscription } from './define.js';

/** Words that describe a schema without changing what it accepts. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', '$comment']);

/** A schema as text without its annotations, so two definitions of one shape compare equal. */
function shapeOf(schema: unknown): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).filter(([key]) => !ANNOTATIONS.has(key));
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, strip(inner)]));
  };
  return JSON.stringify(strip(schema));
}

interface ObjectSchema {
  properties?: Record<string, TSchema>;
  required?: string[];
}

/** Why the consumer's payload schema asks for more than the publisher's gives, or nothing when it does not. */
function payloadProblems(published: TSchema, wanted: TSchema): string[] {
  const giver = published as ObjectSchema;
  const taker = wanted as ObjectSchema;
  if (!taker.properties || !giver.properties) {
    return shapeOf(published) === shapeOf(wanted) ? [] : ['its payload schema differs from the publisher’s'];
  }
  const problems: string[] = [];
  for (const [field, schema] of Object.entries(taker.properties)) {
    const given = giver.properties[field];
    if (!given) problems.push(`it reads "${field}", which the publisher does not send`);
    else if (shapeOf(given) !== shapeOf(schema)) problems.push(`"${field}" is ${shapeOf(schema)} for it but ${shapeOf(given)} for the publisher`);
    else if (taker.required?.includes(field) && !giver.required?.includes(field)) problems.push(`it requires "${field}", which the publisher may leave out`);
  }
  return problems;
}

/**
 * Refuses, at start-up, a subscription to an event nobody publishes (type and version), and one whose payload
 * asks for a field the publisher lacks or types differently (top-level properties; nested schemas must match
 * whole). Every problem is named in one error.
 */
export function checkEventWiring(published: EventDef[], subscriptions: Subscription[]): void {
  const problems: string[] = [];
  const byKey = new Map<string, EventDef>();
  for (const def of published) {
    const key = eventKey(def);
    const other = byKey.get(key);
    if (other && shapeOf(other.payload) !== shapeOf(def.payload)) problems.push(`${key} is published with two different payload schemas`);
    byKey.set(key, def);
  }
  for (const subscription of subscriptions) {
    const who = subscription.kind === 'async' ? `subscriber ${subscription.name}` : 'an inline handler';
    const defs = subscription.kind === 'async' ? subscription.defs : [subscription.def];
    for (const def of defs) {
      const key = eventKey(def);
      const publisher = byKey.get(key);
      if (!publisher) problems.push(`${who} listens to ${key}, which nobody publishes`);
      else for (const problem of payloadProblems(publisher.payload, def.payload)) problems.push(`${who} on ${key}: ${problem}`);
    }
  }
  if (problems.length > 0) throw new Error(`Event wiring:\n- ${problems.join('\n- ')}`);
}
