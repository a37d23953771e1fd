/**
 * How the file's columns map to the plan's goals: the date column, how rows add up, and either a
 * column whose cells name goals (each name mapped to a goal, found by title, id or metric unless the
 * person picks another) or a value column per goal.
 */
import { useId, useMemo } from 'react';
import { goalFinder, NOT_A_GOAL, type ActualsMapping, type CsvTable, type ImportGoal } from '../../../shared/import/actualsCsv';

const COMBINE_LABELS: Record<ActualsMapping['combine'], string> = {
  total: 'Add up each goal’s rows into one check-in (a list of deals)',
  'each-row': 'Each row is a check-in (the value so far on that date)',
  'running-total': 'A running total: each row adds to the one before (monthly counts)',
};

/** The most distinct names a goal column lists for mapping; a column with more is not a column of goals. */
const MAX_NAMES = 40;

const goalLabel = (g: ImportGoal) => `${g.title.trim() || 'Untitled goal'}${g.metric ? ` — ${g.metric}` : ''}`;

function Select(props: { label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void; className?: string }) {
  const id = useId();
  return (
    <div className={`ai-field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="tv-input" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function ActualsMappingForm({ table, mapping, goals, onChange }: {
  table: CsvTable; mapping: ActualsMapping; goals: readonly ImportGoal[]; onChange: (m: ActualsMapping) => void;
}) {
  const byGoalColumn = mapping.sources.length > 0 && 'goalColumn' in mapping.sources[0]!;
  const source = byGoalColumn ? (mapping.sources[0] as { valueColumn: string; goalColumn: string }) : null;
  const columns = table.headers.filter(Boolean).map((h) => ({ value: h, label: h }));
  const goalOptions = goals.map((g) => ({ value: g.id, label: goalLabel(g) }));
  const others = table.headers.filter((h) => h && h !== mapping.dateColumn);

  // The names the goal column holds, each with the goal it finds by itself (title, id, metric).
  const names = useMemo(() => {
    if (!source) return [];
    const at = table.headers.indexOf(source.goalColumn);
    const distinct = [...new Set(table.rows.map((r) => (r.cells[at] ?? '').trim()).filter(Boolean))];
    const find = goalFinder(goals, {});
    return distinct.slice(0, MAX_NAMES).map((name) => ({ name, found: find(name) ?? null }));
  }, [table, source, goals]);
  const tooMany = source ? new Set(table.rows.map((r) => r.cells[table.headers.indexOf(source.goalColumn)])).size > MAX_NAMES : false;

  const setLayout = (layout: string) => {
    if (layout === 'column') {
      const valueColumn = others.find((h) => /amount|value|total|count/i.test(h)) ?? others[0] ?? table.headers[0]!;
      onChange({ ...mapping, sources: [{ valueColumn, goalColumn: others.find((h) => h !== valueColumn) ?? table.headers[0]! }], combine: 'total' });
    } else {
      const find = goalFinder(goals, {});
      const wide = others.flatMap((h) => (find(h) ? [{ valueColumn: h, goalId: find(h)!.id }] : []));
      onChange({ ...mapping, sources: wide, combine: 'each-row' });
    }
  };
  const setName = (name: string, goalId: string) => {
    const next = { ...mapping.names };
    if (goalId) next[name] = goalId;
    else delete next[name];
    onChange({ ...mapping, names: next });
  };
  const setColumnGoal = (column: string, goalId: string) => {
    const rest = mapping.sources.filter((s) => s.valueColumn !== column);
    onChange({ ...mapping, sources: goalId ? [...rest, { valueColumn: column, goalId }] : rest });
  };

  return (
    <div className="ai-mapping" role="group" aria-label="Map the file to goals">
      <div className="ai-row">
        <Select label="Each row’s date" value={mapping.dateColumn ?? ''} onChange={(v) => onChange({ ...mapping, dateColumn: v || null })}
          options={[{ value: '', label: 'No date column: as of today' }, ...columns]} />
        <Select label="The file has" value={byGoalColumn ? 'column' : 'wide'} onChange={setLayout}
          options={[{ value: 'column', label: 'A column that names the goal' }, { value: 'wide', label: 'A column per goal' }]} />
        <Select label="Rows" value={mapping.combine} onChange={(v) => onChange({ ...mapping, combine: v as ActualsMapping['combine'] })}
          options={Object.entries(COMBINE_LABELS).map(([value, label]) => ({ value, label }))} className="ai-wide" />
      </div>
      {source ? (
        <>
          <div className="ai-row">
            <Select label="Goal column" value={source.goalColumn} options={columns}
              onChange={(v) => onChange({ ...mapping, sources: [{ ...source, goalColumn: v }] })} />
            <Select label="Value column" value={source.valueColumn} options={columns}
              onChange={(v) => onChange({ ...mapping, sources: [{ ...source, valueColumn: v }] })} />
          </div>
          <table className="ai-names" aria-label={`Goals named in “${source.goalColumn}”`}>
            <thead><tr><th scope="col">In the file ({source.goalColumn})</th><th scope="col">Goal of this plan</th></tr></thead>
            <tbody>
              {names.map(({ name, found }) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>
                    <select className="tv-input" aria-label={`Goal for “${name}”`} value={mapping.names[name] ?? ''} onChange={(e) => setName(name, e.target.value)}>
                      <option value="">{found ? `${goalLabel(found)} (same name)` : 'Pick the goal it counts toward…'}</option>
                      {goalOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                      <option value={NOT_A_GOAL}>None of this plan’s goals: leave these rows out</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {tooMany && <p className="ai-note">“{source.goalColumn}” holds more than {MAX_NAMES} different names: is it the column that names the goal?</p>}
        </>
      ) : (
        <table className="ai-names" aria-label="Columns and their goals">
          <thead><tr><th scope="col">Column</th><th scope="col">Goal it measures</th></tr></thead>
          <tbody>
            {others.map((h) => {
              const chosen = mapping.sources.find((s) => s.valueColumn === h && 'goalId' in s) as { goalId: string } | undefined;
              return (
                <tr key={h}>
                  <th scope="row">{h}</th>
                  <td>
                    <select className="tv-input" aria-label={`Goal for the column “${h}”`} value={chosen?.goalId ?? ''} onChange={(e) => setColumnGoal(h, e.target.value)}>
                      <option value="">Not imported</option>
                      {goalOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
