// The thread side of kernel/offload.ts. Plain JavaScript so it starts without a loader. Run from the TypeScript
// sources it registers tsx itself (a worker does not inherit the loader vitest or `node --import tsx` gave the main
// thread); run from the compiled server (dist/server) it needs none. Then it runs tasks one at a time: import the
// named module, call the named export, post back its result.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData?.typescript) (await import('tsx/esm/api')).register();

/** A Buffer made by Buffer.concat may share a pooled ArrayBuffer: transfer only one it owns whole, else copy. */
function ownedBytes(value) {
  if (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) return value;
  return new Uint8Array(value);
}

function collectTransfers(value, transfers, depth = 0) {
  if (value instanceof Uint8Array) {
    const bytes = ownedBytes(value);
    transfers.push(bytes.buffer);
    return bytes;
  }
  if (depth < 3 && value && typeof value === 'object') {
    const out = Array.isArray(value) ? [] : {};
    for (const [k, v] of Object.entries(value)) out[k] = collectTransfers(v, transfers, depth + 1);
    return out;
  }
  return value;
}

parentPort.postMessage({ ready: true });

parentPort.on('message', async ({ id, url, name, args }) => {
  try {
    // The caller names the task file (offloaded() in offload.ts, checked where that URL is written).
    // eslint-disable-next-line countyhub/module-boundaries
    const module = await import(url);
    if (typeof module[name] !== 'function') throw new Error(`${url} has no function ${name}`);
    const transfers = [];
    const result = collectTransfers(await module[name](...args), transfers);
    parentPort.postMessage({ id, ok: true, result }, transfers);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const error = { name: e.name, message: e.message, status: e.status, code: e.code, details: e.details, stack: e.stack };
    try {
      parentPort.postMessage({ id, ok: false, error });
    } catch {
      parentPort.postMessage({ id, ok: false, error: { ...error, details: undefined } });
    }
  }
});
