// `npm run api-types`: writes web/src/api/generated/openapi.ts from the API's OpenAPI document.
import fs from 'node:fs';
import path from 'node:path';
import { CONSOLE_ENUMS } from './enums.js';
import { generateApiTypes } from './generate.js';
import { loadApiDocument } from './load-document.js';
import { GENERATED_FILE } from './paths.js';

const text = generateApiTypes(await loadApiDocument(), CONSOLE_ENUMS);
const before = fs.existsSync(GENERATED_FILE) ? fs.readFileSync(GENERATED_FILE, 'utf8') : undefined;
fs.mkdirSync(path.dirname(GENERATED_FILE), { recursive: true });
fs.writeFileSync(GENERATED_FILE, text);
console.log(`${path.relative(process.cwd(), GENERATED_FILE)}: ${before === text ? 'unchanged' : 'written'}`);
