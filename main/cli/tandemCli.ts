/**
 * The plan command line, for people who keep plans in git:
 *   tandem show <file.tandem>              the plan as Markdown
 *   tandem diff <a.tandem> <b.tandem>      the structural diff of two plans as text
 * Run as `npm run tandem -- …`, or `scripts/tandem.js …` from any folder (what git's textconv calls);
 * the entry point is main/cli/tandemMain.ts.
 *
 * People are named from the workspace's directory (`.tandem/workspace.tandem`), looked for in the
 * plan file's folder and the folders above it, then from the current folder up (git runs a textconv
 * in the top of the work tree, on a temporary copy of an older version). A file that cannot be read
 * as a plan gets one error line on stderr and exit code 2; nothing is ever written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { planToMarkdown } from '../../shared/derive/markdown';
import { diffPlans } from '../../shared/derive/diff/planDiff';
import { diffToText } from '../../shared/derive/diff/diffText';
import { readPeople } from '../../shared/model/workspaceDoc';
import { readPlanContent, readPlanMeta, type PlanSnapshot } from '../../shared/model/planDoc';
import { type Person } from '../../shared/model/people';
import { CorruptFileError, decodePlanFile } from '../storage/planFile';
import { META_DIR, WORKSPACE_FILE } from '../workspace/workspaceLayout';

export const USAGE = 'usage: tandem show <file.tandem> | tandem diff <a.tandem> <b.tandem> [--previous-cycle]';

/** Why a file could not be read, said in one line. */
export class PlanFileError extends Error {}

export type CliIo = { out: (s: string) => void; err: (s: string) => void; cwd: string };

function readDoc(path: string): { kind: string; doc: Y.Doc } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PlanFileError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a plan file' : `cannot be read (${code ?? String(err)})`);
  }
  let decoded: ReturnType<typeof decodePlanFile>;
  try {
    decoded = decodePlanFile(bytes);
  } catch (err) {
    if (err instanceof CorruptFileError) throw new PlanFileError(err.reason);
    throw err;
  }
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, decoded.state);
  } catch {
    throw new PlanFileError('the file is damaged (its document state cannot be read)');
  }
  return { kind: decoded.header.kind, doc };
}

/** A plan file as the derivations read plans; PlanFileError when it is not one. */
export function readPlanFile(path: string): PlanSnapshot {
  const { kind, doc } = readDoc(path);
  if (kind !== 'plan') throw new PlanFileError(`is a Tandem ${kind} file, not a plan`);
  try {
    return { meta: readPlanMeta(doc), content: readPlanContent(doc) };
  } catch {
    throw new PlanFileError('the file is damaged (its plan content cannot be read)');
  } finally {
    doc.destroy();
  }
}

/** The people directory of the workspace the file is in (or the current folder is in); none found → nobody. */
export function findPeople(near: string[]): Person[] {
  for (const start of near) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, META_DIR, WORKSPACE_FILE);
      if (existsSync(candidate)) {
        try {
          const { kind, doc } = readDoc(candidate);
          if (kind === 'workspace') return readPeople(doc);
        } catch {
          // A damaged workspace file only costs the names.
        }
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return [];
}

/** Runs the command line; returns the exit code (0, or 2 for a usage error or a file that is not a plan). */
export function runTandemCli(argv: string[], io: CliIo): number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'previous-cycle': { type: 'boolean' } } });
  } catch (err) {
    io.err(`tandem: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...files] = parsed.positionals;
  const arity = command === 'show' ? 1 : command === 'diff' ? 2 : -1;
  if (arity < 0 || files.length !== arity) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const paths = files.map((f) => resolve(io.cwd, f));
  let plans: PlanSnapshot[];
  try {
    plans = paths.map((p, i) => {
      try {
        return readPlanFile(p);
      } catch (err) {
        if (err instanceof PlanFileError) throw new PlanFileError(`${files[i]}: ${err.message}`);
        throw err;
      }
    });
  } catch (err) {
    if (!(err instanceof PlanFileError)) throw err;
    io.err(`tandem: ${err.message}\n`);
    return 2;
  }
  const people = findPeople([...paths.map(dirname), io.cwd]);
  if (command === 'show') {
    io.out(planToMarkdown(plans[0]!, people));
  } else {
    const diff = diffPlans(plans[0]!, plans[1]!, people, { match: parsed.values['previous-cycle'] ? 'previous-cycle' : 'id' });
    io.out(diffToText(diff, { before: files[0], after: files[1] }));
  }
  return 0;
}
