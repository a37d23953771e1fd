/** The layering rules of the lint config, proven on small files as if they lived in each layer. */
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = process.cwd();
const eslint = new ESLint({ cwd: root });

/** The rule ids that fire on `code` placed at `file` (a path inside the repository). */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it.each([
    ['electron', "import { app } from 'electron';\nexport const a = app;\n"],
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['fs', "import * as fs from 'fs';\nexport const r = fs;\n"],
    ['react', "import { useState } from 'react';\nexport const u = useState;\n"],
    ['main/', "import { loadTemplates } from '../../main/templates/loadTemplates';\nexport const l = loadTemplates;\n"],
    ['a package not on its list (uplot)', "import uPlot from 'uplot';\nexport const u = uPlot;\n"],
  ])('shared/ may not import %s', async (_what, code) => {
    const found = await violations('shared/derive/probe.ts', code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/shared\/ (runs in Node, browser and worker alike|runs anywhere)/);
  });

  it('renderer/ may not import main/ or node built-ins', async () => {
    const fromMain = await violations('renderer/workbench/probe.ts', "import { loadTemplates } from '../../main/templates/loadTemplates';\nexport const l = loadTemplates;\n");
    expect(fromMain.join('\n')).toMatch(/renderer\//);
    const nodeFs = await violations('renderer/workbench/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n");
    expect(nodeFs).toEqual([expect.stringMatching(/^no-restricted-imports: .*renderer\/ never knows it runs in Electron/)]);
  });

  it('main/ may not import renderer/', async () => {
    const found = await violations('main/templates/probe.ts', "import { host } from '../../renderer/platform/host';\nexport const h = host;\n");
    expect(found.join('\n')).toMatch(/main\/ (must not import renderer|is the Node side)/);
  });

  it('a feature in renderer/contrib/ may not import another feature, but its own files and the workbench', async () => {
    const other = await violations('renderer/contrib/goalTree/probe.ts', "import { newPlanFromTemplate } from '../explorer/planActions';\nexport const n = newPlanFromTemplate;\n");
    expect(other).toEqual([expect.stringMatching(/^import\/no-restricted-paths: .*A feature never imports another feature/)]);
    expect(await violations('renderer/contrib/goalTree/probe.ts', [
      "import { goalKey } from './goalTreeRows';",
      "import { NavList } from '../../workbench/widgets/NavList';",
      'export const g = [goalKey, NavList];',
    ].join('\n') + '\n')).toEqual([]);
  });

  it('a clean shared/ file passes, and so does main/ using Node', async () => {
    expect(await violations('shared/derive/probe.ts', "import * as Y from 'yjs';\nimport { z } from 'zod';\nexport const make = () => [new Y.Doc(), z.string()];\n")).toEqual([]);
    expect(await violations('shared/derive/probe.ts', "import { diffWords } from 'diff';\nimport * as prng from 'lib0/prng';\nexport const d = [diffWords, prng];\n")).toEqual([]);
    expect(await violations('shared/import/probe.ts', "import Papa from 'papaparse';\nimport * as random from 'lib0/random';\nexport const p = [Papa, random];\n")).toEqual([]);
    expect(await violations('main/templates/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).toEqual([]);
  });
});
