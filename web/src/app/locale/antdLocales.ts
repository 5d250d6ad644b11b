import type { Locale } from 'antd/es/locale/index.js';
import zhCNImport from 'antd/es/locale/zh_CN.js';
import enUSImport from 'antd/es/locale/en_US.js';

// antd's ES build has no "type": "module", so TypeScript (NodeNext) sees `{ default: Locale }` where the bundler
// hands us the Locale itself. Accept both.
const unwrap = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;

export const antdLocales = { zh: unwrap(zhCNImport), en: unwrap(enUSImport) };
