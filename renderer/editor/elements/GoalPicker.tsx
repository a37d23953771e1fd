/** Picks a goal: one of this plan's goals, or one of another plan of the workspace. */
import { useId, useState, useSyncExternalStore } from 'react';
import { usePlanEditorContext } from '../planContext';

const noGoals = (): never[] => NO_GOALS;
const NO_GOALS: never[] = [];

export type GoalRef = { goalId: string | null; planId: string | null };

const encode = (r: GoalRef) => (r.goalId ? `${r.planId ?? ''}|${r.goalId}` : '');
const decode = (v: string): GoalRef => {
  if (!v) return { goalId: null, planId: null };
  const [planId, goalId] = v.split('|') as [string, string];
  return { goalId, planId: planId || null };
};

export function GoalPicker({ label, value, onChange, excludeGoalId, readOnly, emptyLabel }: {
  label: string; value: GoalRef; onChange: (v: GoalRef) => void; excludeGoalId?: string; readOnly?: boolean; emptyLabel: string;
}) {
  const { derived, goalOptions, planId } = usePlanEditorContext();
  // A plan of thousands of goals would put thousands of options in every card: the list is built
  // only once the picker is used (focus, click or keyboard), and stays current from then on.
  const [open, setOpen] = useState(false);
  const planGoals = useSyncExternalStore((l) => (open ? derived.subscribeGoals(l) : () => {}), open ? derived.planGoals : noGoals);
  const id = useId();
  const own = planGoals.filter((g) => g.id !== excludeGoalId);
  const others = goalOptions.filter((g) => g.planId !== planId);
  const byPlan = new Map<string, typeof others>();
  for (const g of others) byPlan.set(g.planTitle, [...(byPlan.get(g.planTitle) ?? []), g]);
  const current = encode(value.planId === planId ? { ...value, planId: null } : value);
  const ownTitle = useSyncExternalStore((l) => derived.subscribeTitle(value.goalId ?? '', l), () => derived.titleOf(value.goalId ?? ''));
  if (!open) {
    const title = value.planId && value.planId !== planId ? goalOptions.find((g) => g.id === value.goalId)?.title : ownTitle;
    return (
      <div className="tandem-field">
        <label htmlFor={id} className="tandem-field-label">{label}</label>
        <select id={id} value={current} disabled={readOnly} onFocus={() => setOpen(true)} onMouseDown={() => setOpen(true)} onChange={() => {}}>
          <option value="">{emptyLabel}</option>
          {current !== '' && <option value={current}>{title || 'Untitled goal'}</option>}
        </select>
      </div>
    );
  }
  const known = current === '' || own.some((g) => encode({ goalId: g.id, planId: null }) === current)
    || others.some((g) => encode({ goalId: g.id, planId: g.planId }) === current);
  return (
    <div className="tandem-field">
      <label htmlFor={id} className="tandem-field-label">{label}</label>
      <select id={id} value={current} disabled={readOnly} onChange={(e) => onChange(decode(e.target.value))}>
        <option value="">{emptyLabel}</option>
        {!known && <option value={current}>A goal that is not here any more</option>}
        {own.length > 0 && (
          <optgroup label="This plan">
            {own.map((g) => <option key={g.id} value={encode({ goalId: g.id, planId: null })}>{g.title || 'Untitled goal'}</option>)}
          </optgroup>
        )}
        {[...byPlan].map(([title, goals]) => (
          <optgroup key={title} label={title}>
            {goals.map((g) => <option key={`${g.planId}|${g.id}`} value={encode({ goalId: g.id, planId: g.planId })}>{g.title || 'Untitled goal'}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
