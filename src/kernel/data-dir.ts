import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds personal data in clear (the SQLite database, uploaded files) and the data key: it and
 * everything in it are for the server's own user only, folders 0700 and files 0600.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Makes a folder (and its parents) for the server's user only; an existing one with looser modes is tightened. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Gives a file that exists the server's user only; true when it had to be changed. */
export function tightenFile(file: string): boolean {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  if ((mode & 0o077) === 0) return false;
  fs.chmodSync(file, mode & 0o700);
  return true;
}

/**
 * Walks the data folder and takes group and other access away from every folder and file in it (symbolic links
 * are left alone). Returns what it changed, for the start-up log; an absent folder is made.
 */
export function tightenDataDir(root: string): string[] {
  const changed: string[] = [];
  if (!fs.existsSync(root)) {
    ensurePrivateDir(root);
    return changed;
  }
  const visit = (dir: string) => {
    if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) {
      fs.chmodSync(dir, PRIVATE_DIR_MODE);
      changed.push(dir);
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && tightenFile(full)) changed.push(full);
    }
  };
  visit(root);
  return changed;
}
