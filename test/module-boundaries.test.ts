import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'countyhub/module-boundaries').map((m) => m.message);
}

describe('module boundaries lint rule', () => {
  it('refuses a module importing another module, even its index', async () => {
    expect(await boundaryErrors('src/modules/network/x.ts', "import { y } from '../identity/identity.service.js';\nexport const z = y;")).toHaveLength(1);
    expect(await boundaryErrors('src/modules/network/x.ts', "import { y } from '../identity/index.js';\nexport const z = y;")).toHaveLength(1);
  });

  it("refuses code outside modules reaching past a module's index.ts", async () => {
    const errors = await boundaryErrors('src/flows/f.ts', "import { y } from '../modules/network/network.service.js';\nexport const z = y;");
    expect(errors[0]).toMatch(/through its index\.ts/);
    expect(await boundaryErrors('src/flows/f.ts', "import { y } from '../modules/network/index.js';\nexport const z = y;")).toEqual([]);
  });

  it('refuses the kernel importing any module', async () => {
    expect(await boundaryErrors('src/kernel/k.ts', "import { y } from '../modules/network/index.js';\nexport const z = y;")).toHaveLength(1);
  });

  it("allows a module's own files and the kernel", async () => {
    const code = "import { a } from './network.repository.js';\nimport { b } from '../../kernel/errors.js';\nexport const z = [a, b];";
    expect(await boundaryErrors('src/modules/network/x.ts', code)).toEqual([]);
  });
});
