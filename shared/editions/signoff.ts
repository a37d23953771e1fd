/**
 * Sign-off of an edition, as pure functions of the editions document's records and the people
 * directory: who is asked by default, where a sign-off stands, the plan's approval line
 * ("Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) — FY27 v3"), and which sections of the
 * plan changed since the approved edition.
 *
 * An approval names its approver by the name on their invite (the server refuses any other name);
 * a requested person has approved when an approval of that edition carries their directory name.
 */
import { type Person } from '../model/people';
import { knownTeamName, teamKind, type Team, type TeamKind } from '../model/teams';
import { type PlanSnapshot } from '../model/planDoc';
import { changedSections, diffPlans, type DiffSection } from '../derive/diff/planDiff';
import { structuredBlocks } from '../derive/walk';
import { type Approval, type EditionInfo, type SignoffRequest } from './editionsDoc';

const LEADER_ROLE = /\b(vp|svp|evp|vice president|chief|head|director|cro|cmo|cso|leader|lead)\b/i;

/** How many of the plan's goals, stage rows and actions each person owns. */
function ownership(plan: PlanSnapshot): Map<string, number> {
  const count = new Map<string, number>();
  const add = (id: string | null) => id && count.set(id, (count.get(id) ?? 0) + 1);
  const { goals, stages, actions } = structuredBlocks(plan.content);
  for (const { el } of goals) el.owners.forEach(add);
  for (const { el } of stages) [el.salesOwner, el.marketingOwner].forEach(add);
  for (const { el } of actions) add(el.owner);
  return count;
}

/**
 * Whom "Request Sign-off…" asks by default: the plan's sales leader and its marketing leader — for
 * each side (the kind of their team), the person whose role names a leader (VP, Head, Chief, Director, CMO, CRO…), then the
 * one who owns most of this plan; nobody for a team the directory has no one in.
 */
export function defaultSignoffPeople(plan: PlanSnapshot, people: Person[], teams?: readonly Team[]): Person[] {
  const owns = ownership(plan);
  // By the kind of their team: a workspace's "West Sales" and "EMEA Sales" are both sales.
  const leaderOf = (kind: TeamKind) => people
    .filter((p) => teamKind(p.team, teams) === kind)
    .map((p) => ({ p, score: (LEADER_ROLE.test(p.role) ? 1_000_000 : 0) + (owns.get(p.id) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.p.name.localeCompare(b.p.name))[0]?.p;
  return [leaderOf('sales'), leaderOf('marketing')].filter((p): p is Person => p !== undefined);
}

export type Signer = { personId: string | null; name: string; team: string | null; approvedAt: string | null };

export type SignoffState = {
  request: SignoffRequest;
  edition: EditionInfo | null;
  /** The people asked, in the order asked; a person no longer in the directory keeps their id as name. */
  asked: Signer[];
  /** Approvals of the edition by people who were not asked. */
  alsoApproved: Signer[];
  complete: boolean;
};

const teamOf = (p: Person | undefined, teams: readonly Team[] | undefined) => (p ? knownTeamName(p.team, teams) : null);

/** Where the latest sign-off request stands (null when none was made). */
export function signoffState(editions: EditionInfo[], requests: SignoffRequest[], approvals: Approval[], people: Person[], teams?: readonly Team[]): SignoffState | null {
  const request = requests[requests.length - 1];
  if (!request) return null;
  const byId = new Map(people.map((p) => [p.id, p]));
  const mine = approvals.filter((a) => a.editionId === request.editionId);
  const firstBy = (name: string) => mine.find((a) => a.by === name)?.createdAt ?? null;
  const asked: Signer[] = request.people.map((id) => {
    const p = byId.get(id);
    const name = p?.name ?? id;
    return { personId: id, name, team: teamOf(p, teams), approvedAt: p ? firstBy(p.name) : null };
  });
  const askedNames = new Set(asked.map((s) => s.name));
  const alsoApproved: Signer[] = [];
  for (const a of mine) {
    if (askedNames.has(a.by) || alsoApproved.some((s) => s.name === a.by)) continue;
    const p = people.find((x) => x.name === a.by);
    alsoApproved.push({ personId: p?.id ?? null, name: a.by, team: teamOf(p, teams), approvedAt: a.createdAt });
  }
  return {
    request,
    edition: editions.find((e) => e.id === request.editionId) ?? null,
    asked,
    alsoApproved,
    complete: asked.every((s) => s.approvedAt !== null),
  };
}

const named = (s: Signer) => (s.team ? `${s.name} (${s.team})` : s.name);
function joined(xs: string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/**
 * The plan's approval line: "Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) — FY27 v3", or
 * while someone is still to approve, "Waiting for Marc Dubois (Marketing) to approve FY27 v3 (approved by Ana Ruiz (Sales))".
 */
export function approvalLine(state: SignoffState | null): string | null {
  if (!state) return null;
  const edition = state.edition?.name ?? 'an edition that is no longer there';
  const approved = [...state.asked, ...state.alsoApproved].filter((s) => s.approvedAt !== null).map(named);
  if (state.complete) return `Approved by ${joined(approved)} — ${edition}`;
  const waiting = state.asked.filter((s) => s.approvedAt === null).map(named);
  return `Waiting for ${joined(waiting)} to approve ${edition}${approved.length ? ` (approved by ${joined(approved)})` : ''}`;
}

/** The sections of the current plan that differ from the approved edition (new and removed ones too), in reading order. */
export function sectionsChangedSinceApproval(approved: PlanSnapshot, current: PlanSnapshot, people: Person[]): DiffSection[] {
  return changedSections(diffPlans(approved, current, people));
}
