/** Reads the shipped plan templates (templates/*.json) from disk and validates each one. */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate, TemplateError, type PlanTemplate } from '../../shared/templates/templateSchema';

/** A template file larger than this is refused rather than parsed. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** This module's folder, whether it runs as ES module source (tsx, vitest) or bundled to CommonJS. */
function hereDir(): string {
  if (typeof __dirname !== 'undefined') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/** The nearest `templates/` folder next to a package.json, walking up from `start`. */
export function findTemplatesDir(start: string = hereDir()): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return join(dir, 'templates');
    if (dirname(dir) === dir) return resolve(process.cwd(), 'templates');
  }
}

export const TEMPLATES_DIR: string = findTemplatesDir();

export type TemplatesReport = { templates: PlanTemplate[]; errors: TemplateError[] };

async function loadOne(dir: string, file: string): Promise<PlanTemplate> {
  const path = join(dir, file);
  const size = (await stat(path)).size;
  if (size > MAX_TEMPLATE_BYTES) throw new TemplateError(file, '', `is ${size} bytes; templates are at most ${MAX_TEMPLATE_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new TemplateError(file, '', `is not valid JSON (${(e as Error).message})`);
  }
  return parseTemplate(json, file);
}

async function templateFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.json')).sort();
}

/** Every template in the folder, sorted by file name; the first bad file throws its TemplateError. */
export async function loadTemplates(dir: string = TEMPLATES_DIR): Promise<PlanTemplate[]> {
  const files = await templateFiles(dir);
  return Promise.all(files.map((f) => loadOne(dir, f)));
}

/** Every valid template, and a TemplateError for each bad file: one bad file never hides the others. */
export async function loadTemplatesReport(dir: string = TEMPLATES_DIR): Promise<TemplatesReport> {
  const report: TemplatesReport = { templates: [], errors: [] };
  for (const file of await templateFiles(dir)) {
    try {
      report.templates.push(await loadOne(dir, file));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      report.errors.push(e);
    }
  }
  return report;
}
