/**
 * People: the workspace's directory. Pick a person to edit them and see the goals they own across
 * plans; add people with the same form. Changes go to the workspace doc, so everyone sees them live.
 */
import { useEffect, useMemo, useState } from 'react';
import { type Person } from '../../../shared/model/people';
import { teamName, type Team } from '../../../shared/model/teams';
import { removePerson, removeTeam, upsertPerson, upsertTeam } from '../../../shared/model/workspaceDoc';
import { type GoalNode, type GoalTree } from '../../../shared/derive/goalTree';
import { GOAL_STATUS_LABELS } from '../../../shared/model/elements';
import { goalTree } from '../../workbench/derived';
import { LineIcon } from '../../workbench/icons';
import { useDerived, useServices, useValue } from '../../workbench/services/services';
import { Avatar } from '../../workbench/widgets/Avatar';
import { NavList } from '../../workbench/widgets/NavList';
import { revealTarget } from '../../workbench/widgets/revealTarget';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';
import { addPersonSignal } from './addPersonSignal';
import { PersonForm } from './PersonForm';
import { draftOf, goalsOwnedBy, newPersonDraft } from './personDraft';
import { describeUse, teamUsage } from './teamDraft';
import { TeamsSection } from './TeamsSection';
import './people.css';

const LIST_ID = 'people';
type Mode = { kind: 'browse' } | { kind: 'new' } | { kind: 'edit'; personId: string };

export type PeoplePanelProps = {
  people: Person[];
  teams: readonly Team[];
  goalTree: GoalTree;
  onSave: (person: Person) => boolean;
  onSaveTeam: (team: Team) => boolean;
  /** Resolves true once the team is gone (after the user confirmed). */
  onRemoveTeam: (team: Team, usedBy: string) => Promise<boolean>;
  /** Resolves true once the person is gone (after the user confirmed). */
  onRemove: (person: Person, ownedGoals: number) => Promise<boolean>;
  onRevealGoal: (node: GoalNode) => void;
};

function OwnedGoals(props: { person: Person; tree: GoalTree; onReveal: (node: GoalNode) => void }) {
  const goals = useMemo(() => goalsOwnedBy(props.tree, props.person.id), [props.tree, props.person.id]);
  return (
    <section aria-label={`Goals owned by ${props.person.name}`}>
      <h3 className="tv-section-title">Goals owned by {props.person.name}</h3>
      {goals.length === 0 ? (
        <p className="tv-empty">{props.person.name} owns no goal yet.</p>
      ) : (
        <ul className="tv-list" role="list">
          {goals.map((n) => (
            <li
              key={`${n.planId}:${n.goal.id}`}
              role="listitem"
              className="tv-row"
              style={{ paddingLeft: 20 }}
              title={`${GOAL_STATUS_LABELS[n.goal.status]} — in ${n.planTitle}`}
            >
              <button type="button" className="tv-link-button" onClick={() => props.onReveal(n)}>
                <span className={`tv-status tv-status-${n.goal.status}`} />
                <span className="tv-label">{n.goal.title.trim() || 'Untitled goal'}</span>
                <span className="tv-description">{n.planTitle}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PeoplePanel(props: PeoplePanelProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'browse' });
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => addPersonSignal.subscribe(() => setMode({ kind: 'new' })), []);
  const nav = useListNavigation(props.people, (p) => p.id, {
    onOpen: (p) => { setSelected(p.id); setMode({ kind: 'edit', personId: p.id }); },
  });
  const person = props.people.find((p) => p.id === selected) ?? null;
  const editing = mode.kind === 'edit' ? props.people.find((p) => p.id === mode.personId) ?? null : null;
  const usage = useMemo(() => {
    const goals: string[] = [];
    const walk = (n: GoalNode) => { goals.push(n.goal.team); n.children.forEach(walk); };
    props.goalTree.roots.forEach(walk);
    return teamUsage(goals, props.people.map((p) => p.team));
  }, [props.goalTree, props.people]);
  const save = (p: Person) => {
    if (!props.onSave(p)) return;
    setSelected(p.id);
    setMode({ kind: 'browse' });
  };

  return (
    <div className="tv-view">
      <div className="tv-toolbar">
        <span className="tv-grow tv-muted">{props.people.length === 1 ? '1 person' : `${props.people.length} people`}</span>
        <button type="button" className="tv-icon-button" aria-label="Add person" title="Add Person…" onClick={() => setMode({ kind: 'new' })}>
          <LineIcon name="addPerson" />
        </button>
      </div>
      {mode.kind === 'new' && (
        <PersonForm key="new" initial={newPersonDraft(props.people, props.teams)} people={props.people} teams={props.teams} onSave={save} onCancel={() => setMode({ kind: 'browse' })} />
      )}
      {props.people.length === 0 && mode.kind !== 'new' ? (
        <p className="tv-empty">Nobody is in the directory yet. Add the people who own goals, stages and actions.</p>
      ) : (
        <NavList listId={LIST_ID} role="listbox" label="People" nav={nav}>
          {props.people.map((p) => (
            <li key={p.id}>
              <TreeRow
                as="div"
                role="option"
                listId={LIST_ID}
                rowKey={p.id}
                nav={nav}
                label={p.name}
                selected={p.id === selected}
                className="tv-tall"
                indent={12}
                onActivate={() => { setSelected(p.id); setMode({ kind: 'browse' }); }}
                onDoubleClick={() => setMode({ kind: 'edit', personId: p.id })}
              >
                <Avatar person={p} size={20} />
                <span className="tv-label">{p.name}</span>
                <span className="tv-description">{[teamName(p.team, props.teams), p.role].filter(Boolean).join(' · ')}</span>
                {p.id === selected && mode.kind === 'browse' && (
                  <button
                    type="button"
                    className="tv-icon-button tv-push-right"
                    aria-label={`Edit ${p.name}`}
                    title="Edit"
                    onClick={(e) => { e.stopPropagation(); setMode({ kind: 'edit', personId: p.id }); }}
                  >
                    <LineIcon name="edit" />
                  </button>
                )}
              </TreeRow>
              {editing?.id === p.id && (
                <PersonForm
                  key={p.id}
                  initial={draftOf(p)}
                  people={props.people}
                  teams={props.teams}
                  onSave={save}
                  onCancel={() => setMode({ kind: 'browse' })}
                  onRemove={() => void props.onRemove(p, goalsOwnedBy(props.goalTree, p.id).length).then((gone) => {
                    if (!gone) return;
                    setSelected(null);
                    setMode({ kind: 'browse' });
                  })}
                />
              )}
            </li>
          ))}
        </NavList>
      )}
      {person && <OwnedGoals person={person} tree={props.goalTree} onReveal={props.onRevealGoal} />}
      <TeamsSection teams={props.teams} usage={usage} onSave={props.onSaveTeam} onRemove={(t) => props.onRemoveTeam(t, describeUse(usage.get(t.id)))} />
    </div>
  );
}

export function PeopleView() {
  const { model, quickInput, notifications, editors } = useServices();
  const loadedDoc = () => {
    const doc = model.workspaceDoc.get();
    if (!doc) notifications.notify('The people directory is not loaded yet; try again in a moment.', 'error');
    return doc;
  };
  return (
    <PeoplePanel
      people={useValue(model.people)}
      teams={useValue(model.teams)}
      goalTree={useDerived(goalTree)}
      onSave={(person) => {
        const doc = loadedDoc();
        if (doc) upsertPerson(doc, person);
        return !!doc;
      }}
      onSaveTeam={(team) => {
        const doc = loadedDoc();
        if (doc) upsertTeam(doc, team);
        return !!doc;
      }}
      onRemoveTeam={async (team, usedBy) => {
        // A removed team's goals and people would read as its bare id: move them to another team first.
        if (usedBy) {
          notifications.notify(`${team.name} still has ${usedBy}. Move them to another team first, or rename the team instead.`, 'error');
          return false;
        }
        const sure = await quickInput.pick([{ label: `Remove the team ${team.name}`, value: true }, { label: 'Keep it', value: false }], { placeholder: `Remove ${team.name}?` });
        const doc = model.workspaceDoc.get();
        if (!sure || !doc) return false;
        removeTeam(doc, team.id);
        return true;
      }}
      onRemove={async (person, ownedGoals) => {
        const sure = await quickInput.pick([
          {
            label: `Remove ${person.name} from the directory`,
            description: ownedGoals ? `their ${ownedGoals === 1 ? 'goal' : `${ownedGoals} goals`} will need a new owner` : undefined,
            value: true,
          },
          { label: 'Keep them', value: false },
        ], { placeholder: `Remove ${person.name}? Goals, stages and actions they own will show in Problems.` });
        const doc = model.workspaceDoc.get();
        if (!sure || !doc) return false;
        removePerson(doc, person.id);
        return true;
      }}
      onRevealGoal={(node) => editors.openPlan(node.planId, revealTarget({ blockId: node.goal.id }))}
    />
  );
}
