import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** Names this app process in job leases and run records: host, pid, and a random tag (pids are reused). */
export const processIdentity = (): string => `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
