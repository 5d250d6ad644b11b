import { checkEventWiring, type EventBus, type EventDef } from './events/index.js';
import type { ModuleMigration } from './migrator.js';
import type { KernelServices, ModuleParts, ProvidesOf, RequiresOf } from './module.js';

/** Any module, whatever its ports (method syntax: `build` is compared loosely, as a list of modules needs). */
interface AnyModule {
  name: string;
  tablePrefix: string;
  migrations: ModuleMigration[];
  requires: object;
  publishes: readonly EventDef<unknown>[];
  build(kernel: KernelServices, ports: never): ModuleParts<object>;
}
export type ModuleList = readonly AnyModule[];
type ByName<Ms extends ModuleList> = { [M in Ms[number] as M['name']]: M };

/** Every module's `provides`, by module name: what the wiring answers ports from. */
export type Provided<Ms extends ModuleList> = { [K in keyof ByName<Ms>]: ProvidesOf<ByName<Ms>[K]> };

/** For every module that requires ports: how to answer them from the others' `provides`. */
export type Wiring<Ms extends ModuleList> = {
  [K in keyof ByName<Ms> as keyof RequiresOf<ByName<Ms>[K]> extends never ? never : K]: (provided: Provided<Ms>) => RequiresOf<ByName<Ms>[K]>;
};

/** A built module: its `provides` (so `modules.orders.service` reads as before), its definition and its parts. */
export type ComposedModule<M> = ProvidesOf<M> & Omit<ModuleParts<object>, 'provides'> & { definition: M; name: string; migrations: ModuleMigration[] };
export type Composed<Ms extends ModuleList> = { [K in keyof ByName<Ms>]: ComposedModule<ByName<Ms>[K]> };

/**
 * Builds every module, then answers each one's ports through `wiring`. Modules may need each other both ways
 * (orders ask traceability whether a batch is recalled; traceability reads orders), so a port is a stand-in that
 * forwards each call to the wired object: `build` may keep it, and calling it before composition ends is an error.
 * Every required port must be wired and every subscribed event published, or the app does not start.
 */
export function composeModules<Ms extends ModuleList>(kernel: KernelServices & { events: EventBus }, modules: Ms, wiring: Wiring<Ms>): Composed<Ms> {
  const wired = new Map<string, Record<string, object>>();
  const built: Record<string, ModuleParts<object> & { definition: AnyModule }> = {};
  for (const definition of modules) {
    if (built[definition.name]) throw new Error(`Module ${definition.name} is listed twice`);
    const ports = portStandIns(definition.name, Object.keys(definition.requires), () => wired.get(definition.name));
    built[definition.name] = { ...definition.build(kernel, ports as never), definition };
  }
  const provided = Object.fromEntries(Object.entries(built).map(([name, parts]) => [name, parts.provides])) as Provided<Ms>;
  const wire = wiring as Record<string, ((p: Provided<Ms>) => Record<string, object>) | undefined>;
  for (const definition of modules) {
    const answers = wire[definition.name]?.(provided) ?? {};
    for (const port of Object.keys(definition.requires)) {
      if (typeof answers[port] !== 'object' || answers[port] === null) throw new Error(`Module ${definition.name} requires port ${port}, which src/flows/wiring.ts does not answer`);
    }
    wired.set(definition.name, answers);
  }
  const subscriptions = Object.values(built).flatMap((parts) => parts.subscriptions ?? []);
  checkEventWiring(
    modules.flatMap((m) => [...m.publishes]),
    subscriptions,
  );
  kernel.events.register(subscriptions);
  return Object.fromEntries(
    Object.entries(built).map(([name, { provides, ...parts }]) => [name, { ...provides, ...parts, name, migrations: parts.definition.migrations }]),
  ) as Composed<Ms>;
}

/** One forwarding object per port: a property read goes to the wired port (functions bound to it). */
function portStandIns(moduleName: string, names: string[], wiredPorts: () => Record<string, object> | undefined): Record<string, object> {
  const ports: Record<string, object> = {};
  for (const name of names) {
    const target = () => {
      const port = wiredPorts()?.[name];
      if (!port) throw new Error(`Port ${name} of module ${moduleName} was used before the modules were composed`);
      return port as Record<string | symbol, unknown>;
    };
    ports[name] = new Proxy(
      {},
      {
        get(_stand, key) {
          const port = target();
          const value = port[key];
          return typeof value === 'function' ? value.bind(port) : value;
        },
        has: (_stand, key) => key in target(),
      },
    );
  }
  return ports;
}
