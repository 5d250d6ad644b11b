import type { Compilable, CompiledQuery } from 'kysely';
import type { AnyKysely } from './db.js';

/**
 * A query built and compiled once, then run with fresh parameters: building and compiling a Kysely query costs
 * about as much as running a small indexed one, and a few queries run on every request (the session behind a
 * cookie). `build` gets placeholders and must use each once, in order, as the query's only parameters; the first
 * run checks that. Run it on the database it was built on, or on a transaction of it.
 */
export function compiledOnce<A extends string[], O>(build: (...args: A) => Compilable<O>): (db: AnyKysely, ...args: A) => Promise<O[]> {
  let compiled: CompiledQuery<O> | undefined;
  return async (db, ...args) => {
    if (!compiled) {
      const marks = args.map((_, i) => `compiled-once-parameter-${i}`) as A;
      const made = build(...marks).compile();
      if (made.parameters.length !== marks.length || made.parameters.some((p, i) => p !== marks[i])) {
        throw new Error(`compiledOnce: the query's parameters must be its arguments, each once and in order: ${made.sql}`);
      }
      compiled = made;
    }
    return (await db.executeQuery<O>({ ...compiled, parameters: args })).rows;
  };
}
