// ESLint rule: keeps the modular monolith's boundaries (DESIGN.md, "Rules that keep it easy to change").
// - kernel/ imports no module;
// - a module imports kernel/ and its own files only, never another module;
// - code outside a module (app, flows, seed, cli, tests) imports a module through its index.ts only.
import path from 'node:path';

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;

/** 'network' for …/src/modules/network/x.ts, else null. */
function moduleOf(file) {
  const at = file.indexOf(MODULES);
  if (at < 0) return null;
  return file.slice(at + MODULES.length).split(path.sep)[0] || null;
}

const isKernel = (file) => file.includes(`${path.sep}src${path.sep}kernel${path.sep}`);
const isIndex = (file) => /[\\/]src[\\/]modules[\\/][^\\/]+[\\/]index\.(ts|js)$/.test(file);

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Modules never reach into each other; others use a module's index.ts" },
    schema: [],
    messages: {
      kernel: 'kernel/ must not import a module ({{target}}).',
      crossModule: 'Module "{{from}}" must not import module "{{to}}"; move the work to src/flows/.',
      notIndex: 'Import module "{{to}}" through its index.ts, not {{target}}.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = moduleOf(file);
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
      const to = moduleOf(target + path.sep);
      if (!to) return;
      if (isKernel(file)) return context.report({ node, messageId: 'kernel', data: { target: spec } });
      if (from === to) return;
      if (from) return context.report({ node, messageId: 'crossModule', data: { from, to } });
      if (!isIndex(target) && !isIndex(target.replace(/\.ts$/, '') + path.sep + 'index.ts')) {
        context.report({ node, messageId: 'notIndex', data: { to, target: spec } });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: (n) => check({ ...n, source: n.source }) };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
