/** The small form that adds or edits a person; every wrong field says what is wrong, next to it. */
import { useId, useState, type FormEvent } from 'react';
import { type Person } from '../../../shared/model/people';
import { teamOptions, type Team } from '../../../shared/model/teams';
import { validatePerson, type PersonDraft, type PersonErrors, type PersonField } from './personDraft';

export function PersonForm(props: {
  initial: PersonDraft;
  people: Person[];
  /** The workspace's teams. */
  teams: readonly Team[];
  onSave: (person: Person) => void;
  onCancel: () => void;
  /** Offered when editing someone already in the directory. */
  onRemove?: () => void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<PersonErrors>({});
  const id = useId();
  const set = (field: PersonField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = validatePerson(draft, props.people);
    if ('errors' in r) setErrors(r.errors);
    else props.onSave(r.person);
  };
  const field = (name: PersonField, label: string, input: (a: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => React.ReactNode) => (
    <label htmlFor={`${id}-${name}`}>
      {label}
      {input({ id: `${id}-${name}`, 'aria-invalid': Boolean(errors[name]), 'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined })}
      {errors[name] && <span id={`${id}-${name}-error`} className="tv-field-error" role="alert">{errors[name]}</span>}
    </label>
  );
  const isNew = props.initial.id === null;
  return (
    <form className="tv-form" aria-label={isNew ? 'Add a person' : `Edit ${props.initial.name}`} onSubmit={submit} noValidate>
      {field('name', 'Name', (a) => <input {...a} className="tv-input" value={draft.name} autoFocus onChange={(e) => set('name', e.target.value)} />)}
      {field('email', 'Email', (a) => <input {...a} className="tv-input" type="email" value={draft.email} onChange={(e) => set('email', e.target.value)} />)}
      {field('team', 'Team', (a) => (
        <select {...a} className="tv-input" value={draft.team} onChange={(e) => set('team', e.target.value)}>
          {teamOptions(props.teams, draft.team).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      ))}
      {field('role', 'Role', (a) => <input {...a} className="tv-input" value={draft.role} placeholder="e.g. Regional sales manager" onChange={(e) => set('role', e.target.value)} />)}
      {field('color', 'Colour', (a) => (
        <span className="tv-color">
          <input type="color" aria-label="Pick a colour" value={/^#[0-9a-fA-F]{6}$/.test(draft.color) ? draft.color : '#888888'} onChange={(e) => set('color', e.target.value)} />
          <input {...a} className="tv-input" value={draft.color} onChange={(e) => set('color', e.target.value)} />
        </span>
      ))}
      <div className="tv-form-actions">
        <button type="submit" className="tv-button">{isNew ? 'Add person' : 'Save'}</button>
        <button type="button" className="tv-button tv-secondary" onClick={props.onCancel}>Cancel</button>
        {!isNew && props.onRemove && (
          <button type="button" className="tv-button tv-secondary tv-push-right" onClick={props.onRemove}>Remove…</button>
        )}
      </div>
    </form>
  );
}
