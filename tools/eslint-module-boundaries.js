// ESLint rule: the modular monolith's boundaries (DESIGN.md, "Rules that keep it easy to change") as an ALLOW-LIST.
// A file may import only what its row below names; anything else of ours is an error.
//
//   importer                      may import (besides npm packages and node: built-ins)
//   src/kernel/**                 src/kernel
//   src/modules/<m>/**            src/kernel, src/modules/<m> (its own files)
//   src/config.ts                 src/kernel
//   src/seed/**                   src/seed (demo data is plain data)
//   src/flows/**                  src/kernel, src/flows, src/seed, src/config.ts, src/app.ts (type-only), module doors
//   src/app.ts                    src/kernel, src/flows, src/config.ts, module doors
//   src/main.ts                   src/kernel, src/flows, src/config.ts, src/app.ts, module doors
//   src/cli/**                    src/kernel, src/flows, src/seed, src/config.ts, src/app.ts, src/cli, module doors
//   any other path under src/     nothing of ours: give it a row here first
//   web/**                        web; src/ type-only (a module through its door); the files of SHARED_WITH_WEB
//   test/**, bench/**, the rest   anything, a module through its door
//   *.test.ts under src/          its folder's row, plus test/** (shared helpers and fixtures)
//
// A module's door is src/modules/<m>/index.ts. Every form counts: import / import type / import {type x},
// export … from, export * (as ns) from, import('…') and typeof import('…'), require('…'), import x = require('…'),
// /// <reference path>, new URL('<script>', import.meta.url) (how workers and offloaded tasks are loaded),
// import.meta.resolve('…') and require.resolve('…'). Under src/ a target that cannot be read statically (a template
// with ${…}, a variable) is an error, and so is a bare name that is neither a dependency in package.json nor a node
// built-in (the project has no path aliases; this keeps one from slipping past unchecked).
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const PACKAGES = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {}), ...builtinModules]);

const DOORS = 'module doors';
const ROWS = {
  kernel: ['kernel'],
  module: ['kernel', 'own module'],
  config: ['kernel'],
  seed: ['seed'],
  flows: ['kernel', 'flows', 'seed', 'config', 'app (type-only)', DOORS],
  app: ['kernel', 'flows', 'config', DOORS],
  main: ['kernel', 'flows', 'config', 'app', DOORS],
  cli: ['kernel', 'flows', 'seed', 'config', 'app', 'cli', DOORS],
};

/** Where a project-relative posix path lies: { area, module?, door? }. */
function areaOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'web') return { area: 'web' };
  if (parts[0] === 'test') return { area: 'test' };
  if (parts[0] !== 'src') return { area: 'outside' };
  const top = parts[1] ?? '';
  if (top === 'modules' && parts[2]) {
    const rest = parts.slice(3).join('/').replace(/\.[cm]?[jt]sx?$/, '');
    return { area: 'module', module: parts[2], door: rest === '' || rest === 'index' };
  }
  if (['kernel', 'flows', 'cli', 'seed'].includes(top) && parts.length > 2) return { area: top };
  const stem = parts.length === 2 ? top.replace(/\.[cm]?[jt]sx?$/, '') : '';
  if (['app', 'main', 'config'].includes(stem)) return { area: stem };
  return { area: 'unlisted', place: `src/${top}` };
}

/**
 * Pure rule files the phone runs offline exactly as the server does. Each imports nothing (the rule checks it), so
 * the console bundles no server code with them.
 */
const SHARED_WITH_WEB = new Set(['src/modules/stations/grading', 'src/modules/stations/close-reason', 'src/modules/stations/providers/account-rules']);
const stemOf = (rel) => rel.replace(/\.[cm]?[jt]sx?$/, '');

const NAMES = { outside: 'files outside src/, web/ and test/' };
const describe = (where) => (where.area === 'module' ? `src/modules/${where.module}` : (where.place ?? NAMES[where.area] ?? where.area));

/** Null when `from` may import `to`, else the reason. */
function refusal(from, to, typeOnly, fromTest) {
  if (fromTest && to.area === 'test') return null;
  if (from.area === 'web') {
    if (to.area === 'web' || SHARED_WITH_WEB.has(to.stem)) return null;
    if (to.area !== 'outside' && to.area !== 'test' && typeOnly) return to.area === 'module' && !to.door ? 'notDoor' : null;
    return 'webServer';
  }
  if (from.area === 'outside' || from.area === 'test') return to.area === 'module' && !to.door ? 'notDoor' : null;
  if (from.area === 'unlisted') return 'unlisted';
  if (from.area === 'module') {
    if (to.area === 'kernel' || (to.area === 'module' && to.module === from.module)) return null;
    return to.area === 'module' ? 'crossModule' : 'notAllowed';
  }
  const row = ROWS[from.area];
  if (to.area === 'module') return row.includes(DOORS) ? (to.door ? null : 'notDoor') : 'notAllowed';
  if (row.includes(to.area)) return null;
  if (to.area === 'app' && row.includes('app (type-only)')) return typeOnly ? null : 'typeOnlyApp';
  return 'notAllowed';
}

/** The file a relative, absolute or file: specifier names, project-relative and posix; null for a package name. */
function targetOf(file, spec) {
  let abs;
  if (spec.startsWith('file:')) abs = fileURLToPath(spec);
  else if (spec.startsWith('.') || path.isAbsolute(spec)) abs = path.resolve(path.dirname(file), spec);
  else return null;
  return path.relative(ROOT, abs).split(path.sep).join('/');
}

const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const isKnownPackage = (spec) => spec.startsWith('node:') || PACKAGES.has(packageName(spec));

/** The text of a string literal or of a template literal without ${…}; undefined when not static. */
function staticText(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

const SCRIPT = /\.[cm]?[jt]sx?$/;

const isImportMetaUrl = (node) =>
  node?.type === 'MemberExpression' && node.object.type === 'MetaProperty' && node.object.meta.name === 'import' && node.property.name === 'url';

/** Value imports need at least one specifier that is not `type`; `import './x.js'` is a value import. */
function allTypes(declaration) {
  const kind = declaration.importKind ?? declaration.exportKind;
  if (kind === 'type') return true;
  const specifiers = declaration.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => (s.importKind ?? s.exportKind) === 'type');
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Each part of the code imports only what its row of the boundary table allows' },
    schema: [],
    messages: {
      crossModule: '{{from}} must not import {{to}} ({{spec}}): modules never import each other; move the work to src/flows/.',
      notDoor: 'Import module "{{module}}" through its index.ts, not {{spec}}.',
      notAllowed: '{{from}} must not import {{to}} ({{spec}}); it may import only: {{allowed}} (table in tools/eslint-module-boundaries.js).',
      typeOnlyApp: '{{from}} may import src/app.ts for types only ({{spec}}): use `import type`.',
      sharedImports: 'A rule file the phone shares with the server (SHARED_WITH_WEB) imports nothing, so the console bundles no server code with it.',
      webServer: 'The console (web/) must not import server code ({{spec}}); only type-only imports of src/ are allowed.',
      unlisted: '{{from}} has no row in the boundary table; add one to tools/eslint-module-boundaries.js before it imports {{spec}}.',
      dynamic: 'An import under src/ must name its target as a plain string so the boundaries can be checked.',
      unknownPackage: '"{{spec}}" is neither a file path nor a dependency in package.json; path aliases are not used here.',
    },
  },
  create(context) {
    const file = context.filename;
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) return {};
    const from = areaOf(rel);
    const inSrc = rel.startsWith('src/');
    const fromTest = inSrc && /\.test\.[cm]?[jt]sx?$/.test(rel);
    const sharedWithWeb = SHARED_WITH_WEB.has(stemOf(rel));

    function check(node, specNode, typeOnly) {
      const report = (messageId, data) => context.report({ ...(node.type === 'Line' ? { loc: node.loc } : { node }), messageId, data });
      if (sharedWithWeb) return report('sharedImports');
      const spec = staticText(specNode);
      if (spec === undefined) {
        if (inSrc) report('dynamic');
        return;
      }
      const target = targetOf(file, spec);
      if (target === null) {
        if ((inSrc || from.area === 'web') && !isKnownPackage(spec)) report('unknownPackage', { spec });
        return;
      }
      const to = { ...areaOf(target), stem: stemOf(target) };
      const messageId = refusal(from, to, typeOnly, fromTest);
      if (!messageId) return;
      const allowed = from.area === 'module' ? 'src/kernel, its own files' : (ROWS[from.area] ?? []).join(', ');
      report(messageId, { from: describe(from), to: describe(to), module: to.module, spec, allowed });
    }

    const declaration = (node) => node.source && check(node, node.source, allTypes(node));
    return {
      ImportDeclaration: declaration,
      ExportNamedDeclaration: declaration,
      ExportAllDeclaration: declaration,
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal, true),
      TSExternalModuleReference: (node) => check(node, node.expression, node.parent?.importKind === 'type'),
      CallExpression(node) {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isRequireResolve = callee.type === 'MemberExpression' && callee.object.name === 'require' && callee.property.name === 'resolve';
        const isMetaResolve = callee.type === 'MemberExpression' && callee.object.type === 'MetaProperty' && callee.property.name === 'resolve';
        if (isRequire || isRequireResolve || isMetaResolve) check(node, node.arguments[0], false);
      },
      NewExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'URL' || !isImportMetaUrl(node.arguments[1])) return;
        const spec = staticText(node.arguments[0]);
        // A worker or offloaded task is loaded by URL; a data file read through fs (a JSON schema, a font) is not code.
        if (spec === undefined || SCRIPT.test(spec)) check(node, node.arguments[0], false);
      },
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const reference = comment.type === 'Line' && /^\/\s*<reference\s+path\s*=\s*(["'])(.+?)\1/.exec(comment.value);
          if (reference) check(comment, { type: 'Literal', value: reference[2] }, true);
        }
      },
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
