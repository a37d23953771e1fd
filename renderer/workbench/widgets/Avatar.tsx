/** A person's round avatar: initials on their colour, the full name as its accessible name. */
import { initials, type Person } from '../../../shared/model/people';
import './viewList.css';

export function Avatar(props: { person: Pick<Person, 'name' | 'color'> | null; size?: number; fallbackName?: string }) {
  const name = props.person?.name ?? props.fallbackName ?? 'Someone not in the directory';
  const size = props.size ?? 18;
  return (
    <span
      className="tv-avatar"
      role="img"
      aria-label={name}
      title={name}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.45), background: props.person?.color ?? '#888888' }}
    >
      {props.person ? initials(props.person.name) : '?'}
    </span>
  );
}
