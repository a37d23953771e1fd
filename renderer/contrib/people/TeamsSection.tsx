/**
 * The workspace's teams, under the people directory: regions, segments and functions ("West Sales",
 * "Demand Gen"), each on one side of the plan (its kind). Add one, rename it or change its side in
 * place; goals and people name teams by id, so a renamed team is renamed everywhere at once.
 */
import { useId, useState, type FormEvent } from 'react';
import { TEAM_KIND_LABELS, TEAM_KINDS, type Team, type TeamKind } from '../../../shared/model/teams';
import { LineIcon } from '../../workbench/icons';
import { describeUse, validateTeam, type TeamUse } from './teamDraft';

function TeamForm(props: { initial: Team | null; teams: readonly Team[]; onSave: (team: Team) => void; onCancel: () => void; onRemove?: () => void }) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [kind, setKind] = useState<TeamKind>(props.initial?.kind ?? 'sales');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = validateTeam({ id: props.initial?.id ?? null, name, kind }, props.teams);
    if ('error' in r) setError(r.error);
    else props.onSave(r.team);
  };
  return (
    <form className="tv-form" aria-label={props.initial ? `Edit team ${props.initial.name}` : 'Add a team'} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-name`}>
        Team name
        <input id={`${id}-name`} className="tv-input" value={name} autoFocus placeholder="e.g. West Sales" aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => { setName(e.target.value); setError(null); }} />
        {error && <span id={`${id}-error`} className="tv-field-error" role="alert">{error}</span>}
      </label>
      <label htmlFor={`${id}-kind`}>
        Side of the plan
        <select id={`${id}-kind`} className="tv-input" value={kind} onChange={(e) => setKind(e.target.value as TeamKind)}>
          {TEAM_KINDS.map((k) => <option key={k} value={k}>{TEAM_KIND_LABELS[k]}</option>)}
        </select>
      </label>
      <div className="tv-form-actions">
        <button type="submit" className="tv-button">{props.initial ? 'Save' : 'Add team'}</button>
        <button type="button" className="tv-button tv-secondary" onClick={props.onCancel}>Cancel</button>
        {props.onRemove && <button type="button" className="tv-button tv-secondary tv-push-right" onClick={props.onRemove}>Remove…</button>}
      </div>
    </form>
  );
}

export function TeamsSection(props: {
  teams: readonly Team[];
  /** How many goals and people name each team (by id). */
  usage: ReadonlyMap<string, TeamUse>;
  onSave: (team: Team) => boolean;
  onRemove: (team: Team) => Promise<boolean>;
}) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const save = (team: Team) => {
    if (props.onSave(team)) setEditing(null);
  };
  return (
    <section aria-label="Teams" className="tv-teams">
      <div className="tv-toolbar">
        <h3 className="tv-section-title tv-grow">Teams</h3>
        <button type="button" className="tv-icon-button" aria-label="Add team" title="Add Team…" onClick={() => setEditing('new')}>
          <LineIcon name="add" />
        </button>
      </div>
      {editing === 'new' && <TeamForm initial={null} teams={props.teams} onSave={save} onCancel={() => setEditing(null)} />}
      <ul className="tv-list" role="list" aria-label="Teams of the workspace">
        {props.teams.map((t) => {
          const used = describeUse(props.usage.get(t.id));
          return (
            <li key={t.id} role="listitem">
              <div className="tv-row tv-tall" style={{ paddingLeft: 20 }}>
                <span className={`tv-team-kind tv-team-${t.kind}`} aria-hidden />
                <span className="tv-label">{t.name}</span>
                <span className="tv-description">{[TEAM_KIND_LABELS[t.kind], used].filter(Boolean).join(' · ')}</span>
                <button type="button" className="tv-icon-button" aria-label={`Edit team ${t.name}`} title="Rename or change its side" onClick={() => setEditing(t.id)}>
                  <LineIcon name="edit" />
                </button>
              </div>
              {editing === t.id && (
                <TeamForm initial={t} teams={props.teams} onSave={save} onCancel={() => setEditing(null)}
                  onRemove={() => void props.onRemove(t).then((gone) => gone && setEditing(null))} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
