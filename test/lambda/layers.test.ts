/**
 * Dependencies point one way: hosts → skill assembly → handlers → renderers (speech, display) →
 * i18n → core. Every import (static, dynamic, require, re-export) of every module under lambda/src
 * is read with the TypeScript parser and checked against its layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.join(__dirname, '../..');
const src = path.join(root, 'lambda/src');

type Layer = 'data' | 'core' | 'i18n' | 'renderers' | 'handlers' | 'skill' | 'hosts';
/** Higher layers may import lower ones; data (the catalogue, the interaction model) is below all. */
const RANK: Record<Layer, number> = {
  data: 0,
  core: 1,
  i18n: 2,
  renderers: 3,
  handlers: 4,
  skill: 5,
  hosts: 6,
};

/** The layer of a file, from where it lives. */
export function layerOf(file: string): Layer {
  const fromRoot = path.relative(root, file).split(path.sep).join('/');
  if (fromRoot.startsWith('data/') || fromRoot.startsWith('skill-package/')) return 'data';
  if (!fromRoot.startsWith('lambda/src/')) return 'hosts'; // server/, simulator/, scripts/, test/
  const inSrc = fromRoot.slice('lambda/src/'.length);
  const top = inSrc.split('/')[0].replace(/\.ts$/, ''); // a specifier names no extension
  // Generated from data/ by a script (scripts/generate-model.ts), like the interaction model.
  if (top === 'generated') return 'data';
  if (top === 'core') return 'core';
  if (top === 'i18n') return 'i18n';
  if (top === 'speech' || top === 'display') return 'renderers';
  // Persistence, logging and interceptors (the session guard among them) sit beside the handlers.
  if (['handlers', 'persistence', 'interceptors', 'session-guard', 'log'].includes(top)) return 'handlers';
  if (top === 'skill') return 'skill';
  if (top === 'index') return 'hosts'; // the Lambda entry
  throw new Error(`lambda/src/${inSrc} is in no layer: add its folder to layerOf`);
}

/** Packages that carry Alexa's request and response types: handlers and above only. */
const ALEXA_PACKAGES = /^ask-sdk(-|$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a module imports, re-exports, requires or imports dynamically. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

interface Module {
  file: string;
  text: string;
}

interface Violation {
  file: string;
  imports: string;
  why: string;
}

function violations(modules: Module[]): Violation[] {
  const found: Violation[] = [];
  for (const { file, text } of modules) {
    const layer = layerOf(file);
    const name = path.relative(root, file).split(path.sep).join('/');
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) {
        if (ALEXA_PACKAGES.test(spec) && RANK[layer] < RANK.handlers)
          found.push({ file: name, imports: spec, why: `${layer} must not use Alexa types` });
        continue;
      }
      const target = layerOf(path.resolve(path.dirname(file), spec));
      if (RANK[target] > RANK[layer])
        found.push({ file: name, imports: spec, why: `${layer} imports from ${target}, a layer above it` });
    }
  }
  return found;
}

describe('layers of lambda/src point only down', () => {
  const modules: Module[] = sourceFiles(src).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('every module is in a layer, and no module imports from a layer above its own', () => {
    expect(modules.length).toBeGreaterThan(40);
    expect(violations(modules)).toEqual([]);
  });

  it('core, i18n and the renderers use no Alexa SDK types', () => {
    const below = modules.filter((m) => RANK[layerOf(m.file)] < RANK.handlers);
    expect(below.map((m) => layerOf(m.file))).toEqual(expect.arrayContaining(['core', 'i18n', 'renderers']));
    expect(violations(below).filter((v) => v.imports.startsWith('ask-sdk'))).toEqual([]);
  });

  it('catches each way of pointing up', () => {
    const at = (file: string, text: string): Module => ({ file: path.join(src, file), text });
    const found = violations([
      at('display/screen.ts', "import { translatorOf } from '../handlers/input';"),
      at('speech/cues.ts', "export { buildSkill } from '../skill';"),
      at('core/plan.ts', "const apl = require('../display/apl');"),
      at('i18n/extra.ts', "const m = import('../speech/ssml');"),
      at('handlers/find.ts', "import { app } from '../../../server/app';"),
      at('display/doc.ts', "import type { Directive } from 'ask-sdk-model';"),
    ]);
    expect(found.map((v) => v.file)).toEqual([
      'lambda/src/display/screen.ts',
      'lambda/src/speech/cues.ts',
      'lambda/src/core/plan.ts',
      'lambda/src/i18n/extra.ts',
      'lambda/src/handlers/find.ts',
      'lambda/src/display/doc.ts',
    ]);
    // Downward imports and data pass.
    expect(
      violations([
        at('handlers/find.ts', "import { showPoint } from '../display/apl';"),
        at('core/catalogue.ts', "import points from '../../../data/points.json';"),
        at('skill.ts', "import { x } from './handlers/find-point';"),
      ]),
    ).toEqual([]);
  });
});
