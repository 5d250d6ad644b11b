export { defineEvent, inline, subscriber, eventKey, type EventDef, type EventOf, type PublishedEvent, type Subscription, type InlineSubscription, type AsyncSubscription } from './define.js';
export { EventBus, type EventBusOptions, type EventPublisher } from './bus.js';
export { EventDispatcher, type EventDispatcherOptions, type SubscriberPosition } from './dispatcher.js';
export { checkEventWiring } from './wiring.js';
export { eventMigrations } from './migrations.js';
export type { EventTables } from './events.tables.js';
