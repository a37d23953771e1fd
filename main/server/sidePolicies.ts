/**
 * The write policy of each kind of document beside a plan (shared/sync/rooms.ts SIDE_KINDS), and the
 * policy of every room by its name. Which roles may write a kind at all is `mayWrite`; a kind's policy
 * says what those writers may change. A kind without a policy takes any change from its writers.
 */
import * as Y from 'yjs';
import { EDITIONS_ARRAYS } from '../../shared/editions/editionsDoc';
import { editionsWriteProblems } from '../../shared/editions/editionsPolicy';
import { parseRoom, type SideKind } from '../../shared/sync/rooms';
import { CLOSE } from './closeCodes';
import { commentsPolicy } from './commentsPolicy';
import { isWorkspaceRoom, workspaceSchemaPolicy } from './workspaceSchema';
import { type RoomPolicy, type WritePolicy } from './writePolicy';

export type SidePolicies = Partial<Record<SideKind, WritePolicy>>;

/** Editions and sign-off: editors only, records only added, each in the writer's own name (shared/editions/editionsPolicy.ts). */
const editionsPolicy: WritePolicy = {
  roots: Object.fromEntries(Object.keys(EDITIONS_ARRAYS).map((key) => [key, Y.Array])),
  check: ({ writer, before, after }) => {
    const problems = editionsWriteProblems(before, after, writer);
    return problems.length ? problems.slice(0, 3).join('; ') : null;
  },
};

export const SIDE_POLICIES: SidePolicies = {
  comments: commentsPolicy,
  editions: editionsPolicy,
};

/** The policy a room checks client updates with: the workspace schema, its side kind's rules, or none. */
export function roomPolicy(name: string, overrides: SidePolicies = {}): RoomPolicy | undefined {
  if (isWorkspaceRoom(name)) return { rules: workspaceSchemaPolicy, refusal: CLOSE.schemaViolation };
  const kind = parseRoom(name)?.kind;
  const rules = kind ? (overrides[kind] ?? SIDE_POLICIES[kind]) : undefined;
  return rules ? { rules, refusal: CLOSE.refused } : undefined;
}
