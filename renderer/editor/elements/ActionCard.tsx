/** An action (tactic): who does what by when, for how much, and which goal it serves. */
import { useMemo } from 'react';
import { type RenderElementProps, useReadOnly, useSlateStatic } from 'slate-react';
import { type ActionElement } from '../../../shared/model/elements';
import { cardEvents } from './cardKeys';
import { CardCommentBadge, CommentCardContext } from './CommentBadge';
import { ConflictNotices } from './ConflictNotices';
import { DateField, NumberField, PersonField, TextField, useFieldSetter } from './fields';
import { GoalPicker } from './GoalPicker';

export function ActionCard({ attributes, children, element }: RenderElementProps & { element: ActionElement }) {
  const editor = useSlateStatic();
  const readOnly = useReadOnly();
  const set = useFieldSetter(element);
  const a = element;
  const title = a.title.trim() || 'Untitled action';
  const commentCard = useMemo(() => ({ key: `action:${a.id}`, anchor: { kind: 'action' as const, actionId: a.id }, title: `action “${title}”` }), [a.id, title]);
  return (
    <div {...attributes} className="tandem-block">
      <CommentCardContext.Provider value={commentCard}>
      <section contentEditable={false} className={`tandem-card tandem-action${a.done ? ' tandem-done' : ''}`} aria-label={`Action: ${title}`}
        data-block-id={a.id} data-comment-card={commentCard.key} {...cardEvents(editor, element)}>
        <header className="tandem-card-header">
          <span className="tandem-card-kind">Action</span>
          <label className="tandem-check">
            <input type="checkbox" checked={a.done} disabled={readOnly} onChange={(e) => set('done', e.target.checked)} />
            <span className="tandem-visually-hidden">Done</span>
          </label>
          <TextField label="Action title" hideLabel className="tandem-card-title" value={a.title} placeholder="What will we do?"
            readOnly={readOnly} onChange={(v) => set('title', v)} />
          <CardCommentBadge card={commentCard} />
        </header>
        <div className="tandem-card-grid">
          <PersonField label="Owner" field="owner" value={a.owner} readOnly={readOnly} onChange={(v) => set('owner', v)} />
          <DateField label="Due" field="due" value={a.due} readOnly={readOnly} onChange={(v) => set('due', v)} />
          <NumberField label="Budget" field="budget" value={a.budget} readOnly={readOnly} onChange={(v) => set('budget', v)} />
          <GoalPicker label="Serves goal" emptyLabel="No goal" readOnly={readOnly} value={{ goalId: a.goalId ?? null, planId: null }}
            onChange={(v) => set('goalId', v.goalId)} />
        </div>
        <TextField label="Expected result" field="expectedResult" value={a.expectedResult} placeholder="What will it bring?" readOnly={readOnly}
          onChange={(v) => set('expectedResult', v)} />
        {a.goalId == null && (
          <p className="tandem-warning" role="note">Why are we doing this? Link it to a goal.</p>
        )}
        <ConflictNotices blockKey={a.id} restore={(c) => set(c.field, c.mine)} />
      </section>
      </CommentCardContext.Provider>
      {children}
    </div>
  );
}
