import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The generated file, committed with the console's sources. */
export const GENERATED_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/api/generated/openapi.ts');
