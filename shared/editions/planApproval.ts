/**
 * A plan's sign-off as people see it, from the editions document's records: where each edition's
 * sign-off stands, which edition the plan was last approved as, whose approval is still awaited
 * from a given person, and the lines the print cover carries ("Approved FY27 — approved by Ana
 * Ruiz (Sales) and Marc Dubois (Marketing) on 3 December 2026"). Pure: the editions view, the
 * plan's header, the status bar and publishing all read these.
 */
import type * as Y from 'yjs';
import { type Person } from '../model/people';
import { type Team } from '../model/teams';
import { type PlanSnapshot } from '../model/planDoc';
import { type DiffSection } from '../derive/diff/planDiff';
import {
  editionInfo, editionSnapshot, readApprovals, readEditions, readSignoffRequests, type Approval, type Edition, type EditionInfo, type SignoffRequest,
} from './editionsDoc';
import { approvalLine, sectionsChangedSinceApproval, signoffState, type SignoffState } from './signoff';

export type EditionsRecords = { editions: EditionInfo[]; requests: SignoffRequest[]; approvals: Approval[] };

/** Where the sign-off of one edition stands: its latest request (null when nobody was asked to approve it). */
export function editionSignoff(records: EditionsRecords, editionId: string, people: Person[], teams?: readonly Team[]): SignoffState | null {
  return signoffState(records.editions, records.requests.filter((r) => r.editionId === editionId), records.approvals, people, teams);
}

/** The plan's latest sign-off request, whatever its state. */
export const latestSignoff = (records: EditionsRecords, people: Person[], teams?: readonly Team[]): SignoffState | null =>
  signoffState(records.editions, records.requests, records.approvals, people, teams);

/** The newest sign-off everyone asked has approved, of an edition that exists: what the plan was approved as. */
export function approvedSignoff(records: EditionsRecords, people: Person[], teams?: readonly Team[]): SignoffState | null {
  for (let i = records.requests.length - 1; i >= 0; i--) {
    const state = signoffState(records.editions, [records.requests[i]!], records.approvals, people, teams);
    if (state?.complete && state.edition) return state;
  }
  return null;
}

/** The latest request when the person named `me` (the name on their invite) is asked in it and has not approved yet. */
export function awaitingApprovalFrom(records: EditionsRecords, people: Person[], me: string, teams?: readonly Team[]): SignoffState | null {
  const state = latestSignoff(records, people, teams);
  if (!state?.edition) return null;
  return state.asked.some((s) => s.name === me && s.approvedAt === null) ? state : null;
}

/** The plan's approval line (signoff.ts), and the sections changed since the approved edition when there are any. */
export type PlanApproval = {
  line: string | null;
  /** Whether the latest request is fully approved. */
  complete: boolean;
  approved: SignoffState | null;
  /** Titles of the sections changed since the approved edition (removed ones included), in reading order. */
  changedSince: string[];
};

export function planApproval(records: EditionsRecords, people: Person[], changedSince: DiffSection[] = [], teams?: readonly Team[]): PlanApproval {
  const latest = latestSignoff(records, people, teams);
  const approved = approvedSignoff(records, people, teams);
  return {
    line: approvalLine(latest),
    complete: latest?.complete ?? false,
    approved,
    changedSince: approved ? changedSince.map((s) => s.title) : [],
  };
}

/** "Budget", "Budget and Risks", "Budget, Goals and Risks". */
export function joinTitles(titles: string[]): string {
  const quoted = titles.map((t) => `“${t}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** What a published plan's cover says about its edition and sign-off. */
export type EditionCover = { edition: string; signoff: string | null };

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = (iso: string) => DAY.format(new Date(iso));

function approvedOn(state: SignoffState): string {
  const times = [...state.asked, ...state.alsoApproved].map((s) => s.approvedAt).filter((t): t is string => t !== null).sort();
  // "Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) — FY27 v3" without its edition.
  const full = approvalLine(state)!;
  const suffix = ` — ${state.edition?.name ?? ''}`;
  const line = full.endsWith(suffix) ? full.slice(0, -suffix.length) : full;
  return times.length ? `${line} on ${day(times[times.length - 1]!)}` : line;
}

/**
 * The cover of the live plan: the approved edition and who approved it when the plan is as it was
 * approved; when it changed since, that it is a draft after the approved edition, and where it changed.
 * Null when the plan was never approved.
 */
export function liveCover(records: EditionsRecords, people: Person[], changedSince: string[], teams?: readonly Team[]): EditionCover | null {
  const approved = approvedSignoff(records, people, teams);
  if (!approved?.edition) return null;
  if (changedSince.length === 0) return { edition: `Edition: ${approved.edition.name}`, signoff: approvedOn(approved) };
  return {
    edition: `Draft based on ${approved.edition.name}`,
    signoff: `${approved.edition.name}: ${approvedOn(approved)}. Changed since then: ${joinTitles(changedSince)}.`,
  };
}

/** The cover of an edition printed as it was saved: its name, who saved it when, and its sign-off. */
export function editionCover(records: EditionsRecords, editionId: string, people: Person[], teams?: readonly Team[]): EditionCover | null {
  const edition = records.editions.find((e) => e.id === editionId);
  if (!edition) return null;
  const state = editionSignoff(records, editionId, people, teams);
  const signoff = !state ? null : state.complete ? approvedOn(state) : approvalLine(state);
  return { edition: `Edition: ${edition.name}, saved by ${edition.author} on ${day(edition.createdAt)}`, signoff };
}

/** The editions document's records (unreadable ones skipped), with the editions' bytes to rebuild them. */
export function editionsRecords(doc: Y.Doc): { editions: Edition[]; records: EditionsRecords } {
  const editions = readEditions(doc);
  return { editions, records: { editions: editions.map(editionInfo), requests: readSignoffRequests(doc), approvals: readApprovals(doc) } };
}

/**
 * What a plan published now says of its edition (liveCover), from its editions document: the
 * sections changed since approval are found by comparing the plan with the approved edition.
 */
export function liveCoverOf(editionsDoc: Y.Doc, plan: PlanSnapshot, people: Person[], teams?: readonly Team[]): EditionCover | null {
  const { editions, records } = editionsRecords(editionsDoc);
  const approved = approvedSignoff(records, people, teams);
  if (!approved?.edition) return null;
  const changed = sectionsChangedSinceApproval(editionSnapshot(editions, approved.edition.id), plan, people).map((s) => s.title);
  return liveCover(records, people, changed, teams);
}
