/**
 * The changes of a diff as people read them: a block's changed values together on one card
 * ("Goal · Grow new revenue: target $1,200,000 → $1,500,000, owners Ana Ruiz → Ben Okafor"), goals
 * and blocks added or removed on a line of their own, a section's text as paragraphs with the words
 * inserted and deleted marked (`ins` / `del`), unchanged paragraphs folded away but for one either side.
 */
import { type ReactNode } from 'react';
import { NONE, type FieldChange, type PlanChange } from '../../../shared/derive/diff/planDiff';
import { type ProseLine, type WordPart } from '../../../shared/derive/diff/proseDiff';
import { LineIcon, type LineIconName } from '../../workbench/icons';
import { changeSentence, groupChanges, proseCounts, type CardKind } from './changeGroups';
import { plural } from './editionWords';

const CARD: Record<CardKind, { name: string; icon: LineIconName }> = {
  goal: { name: 'Goal', icon: 'goal' },
  action: { name: 'Action', icon: 'action' },
  stage: { name: 'Stage', icon: 'stageMatrix' },
  plan: { name: 'Plan', icon: 'plan' },
};

function Words({ parts }: { parts: WordPart[] }) {
  return <>{parts.map((p, i) => (p.op === 'added' ? <ins key={i}>{p.text}</ins> : p.op === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}</>;
}

const Old = ({ value }: { value: string }) => (value === NONE ? <span className="ed-none">none</span> : <del>{value}</del>);
const New = ({ value }: { value: string }) => (value === NONE ? <span className="ed-none">none</span> : <ins>{value}</ins>);

function FieldValues({ change }: { change: FieldChange }) {
  if (change.words && change.before !== NONE && change.after !== NONE) return <span className="ed-words"><Words parts={change.words} /></span>;
  return <><Old value={change.before} /><span className="ed-to" aria-hidden="true">→</span><New value={change.after} /></>;
}

/** A section's text: changed paragraphs with their words marked, one unchanged paragraph of context either side. */
function ProseLines({ lines, sectionTitle }: { lines: ProseLine[]; sectionTitle: string }) {
  const changedAt = (i: number) => lines[i] !== undefined && lines[i]!.status !== 'same';
  const shown = lines.map((_, i) => changedAt(i) || changedAt(i - 1) || changedAt(i + 1));
  const out: ReactNode[] = [];
  let folded = 0;
  const fold = (key: string) => {
    if (folded) out.push(<div key={key} className="ed-line is-folded">⋯ {plural(folded, 'unchanged paragraph')}</div>);
    folded = 0;
  };
  lines.forEach((l, i) => {
    const isTitle = i === 0 && l.status === 'same' && l.parts.map((p) => p.text).join('') === sectionTitle;
    if (isTitle) return;
    if (!shown[i]) {
      folded++;
      return;
    }
    fold(`fold-${i}`);
    const sign = l.status === 'added' ? '+' : l.status === 'removed' ? '−' : l.status === 'changed' ? '~' : '';
    out.push(
      <div key={i} className={`ed-line is-${l.status}`}>
        <span className="ed-gutter" aria-hidden="true">{sign}</span>
        <span className="ed-line-text">
          {l.status === 'added' ? <ins>{l.parts.map((p) => p.text).join('')}</ins>
            : l.status === 'removed' ? <del>{l.parts.map((p) => p.text).join('')}</del>
              : <Words parts={l.parts} />}
        </span>
      </div>,
    );
  });
  fold('fold-end');
  return <div className="ed-prose">{out}</div>;
}

type Whole = Extract<PlanChange, { kind: 'goal-added' | 'goal-removed' | 'block-added' | 'block-removed' }>;

/** A goal, action or stage matrix added or removed whole: its kind, its title inserted or struck through, where it went. */
function WholeBlock({ change: c }: { change: Whole }) {
  const added = c.kind === 'goal-added' || c.kind === 'block-added';
  const what = c.kind === 'goal-added' || c.kind === 'goal-removed' ? 'goal' : c.block;
  const name = { goal: 'goal', action: 'action', 'stage-matrix': 'stage matrix' }[what];
  const Title = added ? 'ins' : 'del';
  const moved = c.kind === 'goal-added' ? c.movedFromPlan && `moved from “${c.movedFromPlan}”` : c.kind === 'goal-removed' ? c.movedToPlan && `moved to “${c.movedToPlan}”` : null;
  return (
    <>
      <span className="ed-sign" aria-hidden="true">{added ? '+' : '−'}</span>
      <LineIcon name={what === 'goal' ? 'goal' : what === 'action' ? 'action' : 'stageMatrix'} />
      <span className="ed-kind">{added ? `New ${name}` : `${name[0]!.toUpperCase()}${name.slice(1)} removed`}</span>
      <Title className="ed-title">{c.title}</Title>
      {moved && <span className="ed-quiet">{moved}</span>}
    </>
  );
}

type RowProps = { change: PlanChange; current: boolean; sectionTitle: (key: string) => string; onSelect: (c: PlanChange) => void };

function ChangeRow({ change: c, current, sectionTitle, onSelect }: RowProps) {
  let tone = 'changed';
  let body: ReactNode;
  switch (c.kind) {
    case 'plan-field':
    case 'field':
      body = <><span className="ed-field">{c.change.label.replace(/^plan /, '')}</span><FieldValues change={c.change} /></>;
      break;
    case 'goal-moved':
      body = <><span className="ed-field">supports</span><Old value={c.from ?? NONE} /><span className="ed-to" aria-hidden="true">→</span><New value={c.to ?? NONE} /></>;
      break;
    case 'block-moved':
      body = <><span className="ed-field">section</span><span className="ed-quiet">moved here from “{sectionTitle(c.fromSection)}”</span></>;
      break;
    case 'goal-added':
    case 'block-added':
    case 'goal-removed':
    case 'block-removed':
      tone = c.kind.endsWith('added') ? 'added' : 'removed';
      body = <WholeBlock change={c} />;
      break;
    case 'prose':
      tone = 'prose';
      body = (
        <>
          <div className="ed-prose-head"><span className="ed-kind">Text</span><span className="ed-quiet">{proseCounts(c)}</span></div>
          <ProseLines lines={c.lines} sectionTitle={sectionTitle(c.section)} />
        </>
      );
      break;
  }
  return (
    <div
      role="option"
      aria-selected={current}
      aria-label={changeSentence(c, sectionTitle)}
      data-change-id={c.id}
      className={`ed-change is-${tone}${current ? ' is-current' : ''}`}
      title="Show this change in the plan"
      onClick={() => onSelect(c)}
    >
      {body}
    </div>
  );
}

export function ChangeList(props: { label: string; changes: PlanChange[]; currentId: string | null; sectionTitle: (key: string) => string; onSelect: (c: PlanChange) => void }) {
  const row = (c: PlanChange) => <ChangeRow key={c.id} change={c} current={c.id === props.currentId} sectionTitle={props.sectionTitle} onSelect={props.onSelect} />;
  return (
    <div role="listbox" aria-label={props.label} className="ed-change-list">
      {groupChanges(props.changes).map((g) => (g.card
        ? (
          <div key={g.key} role="group" aria-label={`${CARD[g.card.kind].name}: ${g.card.title}`} className="ed-card">
            <div className="ed-card-title" aria-hidden="true">
              <LineIcon name={CARD[g.card.kind].icon} />
              <span className="ed-kind">{CARD[g.card.kind].name}</span>
              <span className="ed-card-name">{g.card.title}</span>
            </div>
            {g.changes.map(row)}
          </div>
        )
        : row(g.changes[0]!)))}
    </div>
  );
}
