/**
 * Import Actuals: a CRM report's CSV export becomes check-ins, in four steps on one page — choose the
 * file, map its columns to the plan's goals, read the row-by-row report, confirm. Nothing is recorded
 * before the confirmation, and with rows that have problems only when the person chose to leave them
 * out. The mapping is saved in the plan for next month's export of the same report.
 */
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { type GoalTree } from '../../../shared/derive/goalTree';
import { formatQuantity } from '../../../shared/derive/rollup';
import {
  previewActuals, readCsv, recordActuals, saveMapping, savedMapping, suggestMapping, type ActualsMapping, type ActualsPreview, type CsvTable, type ImportGoal,
} from '../../../shared/import/actualsCsv';
import { formatDay } from '../../../shared/model/period';
import { type CollabSession } from '../../collab/collabSession';
import { runCommand } from '../../platform/commands';
import { goalTree } from '../../workbench/derived';
import { type EditorProps } from '../../workbench/editorKinds';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { ActualsMappingForm } from './ActualsMapping';
import './actuals.css';

/** The plan's goals as the import sees them: as they stand (status from their check-ins), in document order. */
export function importGoalsOf(tree: GoalTree, planId: string): ImportGoal[] {
  return [...tree.byId.values()].filter((n) => n.planId === planId)
    .map((n) => ({ id: n.goal.id, title: n.goal.title, metric: n.goal.metricName, unit: n.goal.metricUnit, status: n.goal.status }));
}
const sameGoals = (a: ImportGoal[], b: ImportGoal[]) => a.length === b.length && a.every((g, i) => JSON.stringify(g) === JSON.stringify(b[i]));

/** The plan's document while the tab is open (one session from the pool, shared with its editor tab). */
function usePlanSession(planId: string): CollabSession | null {
  const { model } = useServices();
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const s = model.pool.acquire(planId);
    let live = true;
    s.ready.then(() => live && setSession(s), () => {});
    return () => {
      live = false;
      model.pool.release(planId);
    };
  }, [model, planId]);
  return session;
}

type Loaded = { file: string; table: CsvTable; mapping: ActualsMapping } | { file: string; error: string };

function FilePicker({ onFile, again }: { onFile: (file: File) => void; again: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div className={`ai-drop${over ? ' ai-over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
      <p>{again ? 'Choose another file, or drop it here.' : 'Export the report from your CRM as CSV (Salesforce: Export → Details only, Comma Delimited; HubSpot: Export → CSV), then choose it here or drop it on this box.'}</p>
      <button type="button" className="tv-button" onClick={() => input.current?.click()}>Choose a CSV file…</button>
      <input ref={input} type="file" accept=".csv,text/csv,text/plain" hidden aria-label="CSV file"
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onFile(f); }} />
    </div>
  );
}

function Report({ preview, goals, rowsShown }: { preview: ActualsPreview; goals: readonly ImportGoal[]; rowsShown: number }) {
  const unit = (id: string | null) => goals.find((g) => g.id === id)?.unit ?? '';
  const rows = preview.rows.slice(0, rowsShown);
  return (
    <>
      <table className="ai-report" aria-label="Row by row">
        <thead><tr><th scope="col">Line</th><th scope="col">Goal</th><th scope="col">Date</th><th scope="col">Value</th><th scope="col">Check</th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.line}:${i}`} className={r.problem ? 'ai-bad' : r.leftOut ? 'ai-left-out' : undefined}>
              <td>{r.line}</td>
              <td>{r.goalTitle ?? <span className="tv-muted">—</span>}</td>
              <td>{r.date ? formatDay(r.date) : '—'}</td>
              <td className="ai-num">{r.value !== null ? formatQuantity(r.value, unit(r.goalId)) : '—'}</td>
              <td>{r.problem ? <span className="ai-problem">{r.problem}</span> : r.leftOut ? <span className="tv-muted">Left out: for none of this plan’s goals</span> : <span className="ai-ok">OK</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rows.length > rows.length && <p className="tv-muted">The first {rows.length} of {preview.rows.length} rows are listed.</p>}
      {preview.skipped.length > 0 && (
        <p className="tv-muted">Set aside, not data: {preview.skipped.map((s) => `line ${s.line}${s.text ? ` (“${s.text}”)` : ''}`).join(', ')}.</p>
      )}
    </>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const leftOutRows = (p: ActualsPreview) => {
  const n = p.rows.filter((r) => r.leftOut).length;
  return n ? ` (${plural(n, 'row is', 'rows are')} for none of the plan’s goals and left out)` : '';
};

export function ImportActualsEditor({ input }: EditorProps) {
  const planId = input.id;
  const { model, user, notifications } = useServices();
  const session = usePlanSession(planId);
  const goals = useComputed([model.get(goalTree)], (tree) => importGoalsOf(tree, planId), [planId], sameGoals);
  const planTitle = useComputed([model.plans], (ps) => ps.find((p) => p.id === planId)?.title ?? 'this plan', [planId]);
  const period = useComputed([model.snapshots], (ss) => ss.find((s) => s.meta.id === planId)?.meta.period.trim() ?? '', [planId]);
  const today = useValue(model.today);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [leaveOut, setLeaveOut] = useState(false);
  const [remember, setRemember] = useState(true);
  const [done, setDone] = useState<{ file: string; count: number } | null>(null);
  const headingId = useId();

  const readFile = async (file: File) => {
    setDone(null);
    setLeaveOut(false);
    const read = readCsv(await file.text());
    if (read.error !== null) return setLoaded({ file: file.name, error: read.error });
    // The same report again (a corrected export): the mapping the person just made still applies.
    const same = loaded && 'table' in loaded && loaded.table.headers.join('\n') === read.table.headers.join('\n') ? loaded.mapping : null;
    const saved = same ?? (session ? savedMapping(session.doc, read.table.headers) : null);
    setLoaded({ file: file.name, table: read.table, mapping: suggestMapping(read.table, goals, saved) });
  };

  const preview = useMemo((): { ok: ActualsPreview } | { error: string } | null => {
    if (!loaded || 'error' in loaded) return null;
    try {
      return { ok: previewActuals(loaded.table, loaded.mapping, goals, { today, author: user.name, file: loaded.file }) };
    } catch (err) {
      const issue = (err as { issues?: { message: string }[] }).issues?.[0]?.message;
      return { error: issue ?? (err instanceof Error ? err.message : String(err)) };
    }
  }, [loaded, goals, today, user.name]);

  const ok = preview && 'ok' in preview ? preview.ok : null;
  const toRecord = ok ? (ok.problems === 0 ? ok.checkIns : leaveOut ? ok.withoutBadRows : []) : [];
  const readOnly = session?.readOnly ?? false;

  const confirm = () => {
    if (!session || !ok || !loaded || 'error' in loaded) return;
    try {
      const made = recordActuals(session.doc, ok, { confirmed: true, leaveOutBadRows: leaveOut });
      if (remember) saveMapping(session.doc, loaded.table.headers, loaded.mapping);
      setDone({ file: loaded.file, count: made.length });
      setLoaded(null);
      notifications.notify(`Recorded ${plural(made.length, 'check-in')} in “${planTitle}” from ${loaded.file}.`);
    } catch (err) {
      notifications.notify(`Nothing was imported: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  return (
    <div className="ai-page" aria-labelledby={headingId}>
      <h1 id={headingId}>Import actuals into “{planTitle}”</h1>
      <p className="tv-muted">Each row of a CRM report becomes a check-in on the goal it names. You see every row before anything is recorded.</p>
      {readOnly && <p className="ai-error" role="alert">Your invite lets you read this plan, not record check-ins in it.</p>}
      {done && (
        <div className="ai-done" role="status">
          <p>Recorded {plural(done.count, 'check-in')} from {done.file}. Each goal’s card, the Goals view and the Plan Review show them now.</p>
          <button type="button" className="tv-button" onClick={() => void runCommand('review.open', period || undefined)}>Open the Plan Review</button>
        </div>
      )}
      <FilePicker onFile={(f) => void readFile(f)} again={!!loaded || !!done} />
      {loaded && 'error' in loaded && (
        <p className="ai-error" role="alert">{loaded.file} cannot be imported: {loaded.error}. Nothing was recorded.</p>
      )}
      {loaded && 'table' in loaded && (
        <>
          <h2>1. Map {loaded.file} to the plan’s goals</h2>
          <p className="tv-muted">{plural(loaded.table.rows.length, 'row')} and {plural(loaded.table.headers.length, 'column')}.</p>
          <ActualsMappingForm table={loaded.table} mapping={loaded.mapping} goals={goals} onChange={(mapping) => setLoaded({ ...loaded, mapping })} />
          <h2>2. Check every row</h2>
          {preview && 'error' in preview && <p className="ai-error" role="alert">{preview.error}</p>}
          {ok && (
            <>
              <p className={ok.problems ? 'ai-summary ai-has-problems' : 'ai-summary'} role="status">
                {ok.problems === 0
                  ? `Every row reads${leftOutRows(ok)}. Importing records ${plural(ok.checkIns.length, 'check-in')}.`
                  : `${plural(ok.problems, 'row has a problem', 'rows have problems')}: nothing is imported until you fix the file or the mapping, or leave ${ok.problems === 1 ? 'it' : 'them'} out.`}
              </p>
              <Report preview={ok} goals={goals} rowsShown={500} />
              <h2>3. Confirm</h2>
              {toRecord.length > 0 && (
                <ul className="ai-will-record" aria-label="Check-ins to record">
                  {toRecord.slice(0, 20).map((c, i) => {
                    const goal = goals.find((g) => g.id === c.goalId);
                    return (
                      <li key={`${c.goalId}:${c.date}:${i}`}>
                        <strong>{goal?.title ?? 'A goal'}</strong>: {c.value !== null ? formatQuantity(c.value, goal?.unit ?? '') : '—'} as of {formatDay(c.date)}
                        <span className="tv-muted"> · {c.note}</span>
                      </li>
                    );
                  })}
                  {toRecord.length > 20 && <li className="tv-muted">and {toRecord.length - 20} more</li>}
                </ul>
              )}
              {ok.problems > 0 && (
                <label className="ai-check">
                  <input type="checkbox" checked={leaveOut} onChange={(e) => setLeaveOut(e.target.checked)} />
                  Leave out the {plural(ok.problems, 'row with a problem', 'rows with problems')} and import the rest ({plural(ok.withoutBadRows.length, 'check-in')})
                </label>
              )}
              <label className="ai-check">
                <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
                Remember this mapping for files with these columns
              </label>
              <div className="ai-actions">
                <button type="button" className="tv-button" disabled={readOnly || !session || toRecord.length === 0} onClick={confirm}>
                  {toRecord.length ? `Import ${plural(toRecord.length, 'check-in')}` : 'Import'}
                </button>
                <button type="button" className="tv-button tv-secondary" onClick={() => setLoaded(null)}>Cancel</button>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
