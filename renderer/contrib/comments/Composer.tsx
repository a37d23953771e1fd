/**
 * Where a comment is written: a text box that grows, @ to mention someone from the people directory
 * (a list under the box: ↑/↓, Enter or Tab, Esc), Ctrl+Enter to send. A message the model refuses (too
 * long, empty) is said under the box and the text stays.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CommentError } from '../../../shared/comments/commentsDoc';
import { completeMention, mentionQueryAt } from '../../../shared/comments/mentions';
import { type Person } from '../../../shared/model/people';
import { mentionItems } from '../../editor/insertMenu';
import { Avatar } from '../../workbench/widgets/Avatar';

type Props = {
  label: string;
  placeholder: string;
  submitLabel: string;
  people: readonly Person[];
  initial?: string;
  autoFocus?: boolean;
  /** Writes the message; a CommentError's message is shown under the box. */
  onSubmit: (text: string) => void;
  onCancel?: () => void;
};

export function Composer({ label, placeholder, submitLabel, people, initial = '', autoFocus, onSubmit, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [pickerClosed, setPickerClosed] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once React has written a value the box did not type itself (a picked mention). */
  const placeCaret = useRef<number | null>(null);
  const listId = useId();
  const query = pickerClosed ? null : mentionQueryAt(text, caret);
  const matches = useMemo(() => (query ? mentionItems(query.query, [...people]).map((i) => people.find((p) => p.id === i.id)!) : []), [query?.query, people]); // eslint-disable-line react-hooks/exhaustive-deps

  const edit = (value: string, at: number) => {
    setText(value);
    setCaret(at);
    setActive(0);
    setPickerClosed(false);
    setError(null);
  };
  // Placed as the new value is committed, before the next key is handled: a caret placed a frame later
  // would pull keys already typed after the mention behind it.
  useLayoutEffect(() => {
    const at = placeCaret.current;
    if (at === null || !box.current) return;
    placeCaret.current = null;
    box.current.focus();
    box.current.setSelectionRange(at, at);
  });
  const choose = (person: Person) => {
    const next = completeMention(text, caret, person.name);
    placeCaret.current = next.caret;
    edit(next.text, next.caret);
  };
  const submit = () => {
    if (!text.trim()) return;
    try {
      onSubmit(text.trim());
      edit('', 0);
    } catch (e) {
      if (e instanceof CommentError) setError(e.message.charAt(0).toUpperCase() + e.message.slice(1));
      else throw e;
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation();
    if (matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        choose(matches[Math.min(active, matches.length - 1)]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setPickerClosed(true);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    }
  };
  const mention = () => {
    const el = box.current;
    const at = el?.selectionStart ?? text.length;
    const before = text.slice(0, at);
    const insert = before === '' || /\s$/.test(before) ? '@' : ' @';
    placeCaret.current = at + insert.length;
    edit(before + insert + text.slice(at), at + insert.length);
  };

  return (
    <div className="tc-composer">
      <textarea ref={box} aria-label={label} placeholder={placeholder} value={text} rows={2} autoFocus={autoFocus}
        role="combobox" aria-expanded={matches.length > 0} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={matches.length ? `${listId}-${active}` : undefined} aria-invalid={error !== null}
        onChange={(e) => edit(e.target.value, e.target.selectionStart)}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown} />
      {matches.length > 0 && (
        <ul className="tc-mentions" role="listbox" id={listId} aria-label="Mention someone">
          {matches.map((p, i) => (
            <li key={p.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} className="tc-mention-option"
              onMouseDown={(e) => e.preventDefault()} onMouseMove={() => setActive(i)} onClick={() => choose(p)}>
              <Avatar person={p} size={18} />
              <span>{p.name}</span>
              {(p.role || p.team) && <span className="tc-muted">{p.role || p.team}</span>}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="tc-error" role="alert">{error}</p>}
      <div className="tc-composer-actions">
        <button type="button" className="tc-icon-button" aria-label="Mention someone" title="Mention someone (@)" onClick={mention}>@</button>
        <span className="tc-hint">Ctrl+Enter to send</span>
        {onCancel && <button type="button" className="tc-button is-secondary" onClick={onCancel}>Cancel</button>}
        <button type="button" className="tc-button" disabled={!text.trim()} onClick={submit}>{submitLabel}</button>
      </div>
    </div>
  );
}
