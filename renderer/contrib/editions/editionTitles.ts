/** What the editions feature's tabs are called, and whether a stored one still has something to show. */
import { type EditorInput } from '../../workbench/editorKinds';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { type WorkspaceModel } from '../../workbench/services/workspaceModel';
import { comparesCycles, parseDiffId, parseVersion, type PlanVersion } from './editionRefs';
import { allEditions } from './editionsModel';
import { editionWhen } from './editionWords';

/** What a side is called: an edition by its name, the plan as it is by "Now" (another cycle: by the plan's title). */
export function useVersionLabel(v: PlanVersion, cycles: boolean): { name: string; about: string } {
  const { model } = useServices();
  const plans = useValue(model.plans);
  const planTitle = plans.find((p) => p.id === v.planId)?.title ?? 'A plan no longer here';
  const edition = useComputed([model.get(allEditions)], (all) => all.get(v.planId)?.records.editions.find((e) => e.id === v.editionId) ?? null, [v.planId, v.editionId]);
  if (v.editionId) {
    return edition
      ? { name: cycles ? `${planTitle} · ${edition.name}` : edition.name, about: `edition saved by ${edition.author}, ${editionWhen(edition.createdAt)}` }
      : { name: 'An edition', about: 'loading…' };
  }
  return cycles ? { name: planTitle, about: 'as it is now' } : { name: 'Now', about: `${planTitle} as it is now` };
}

const NO_VERSION: PlanVersion = { planId: '', editionId: null };

/** "Board draft (FY27 joint plan)": an edition's tab. */
export function useEditionTitle(input: EditorInput): string {
  const v = parseVersion(input.id) ?? NO_VERSION;
  const { name } = useVersionLabel(v, false);
  const planTitle = useValue(useServices().model.plans).find((p) => p.id === v.planId)?.title;
  return planTitle ? `${name} (${planTitle})` : name;
}

/** "Board draft ↔ Now (FY27 joint plan)", or two cycles "FY27 joint plan ↔ FY28 joint plan": a diff's tab. */
export function useDiffTitle(input: EditorInput): string {
  const ref = parseDiffId(input.id);
  const cycles = ref ? comparesCycles(ref) : false;
  const before = useVersionLabel(ref?.before ?? NO_VERSION, cycles);
  const after = useVersionLabel(ref?.after ?? NO_VERSION, cycles);
  const planTitle = useValue(useServices().model.plans).find((p) => p.id === ref?.after.planId)?.title ?? '';
  return cycles ? `${before.name} ↔ ${after.name}` : `${before.name} ↔ ${after.name} (${planTitle})`;
}

/** A stored tab stays while its plans do (editions are never deleted). */
export function versionsExist(id: string, model: WorkspaceModel): boolean {
  const ref = parseDiffId(id);
  const planIds = ref ? [ref.before.planId, ref.after.planId] : [parseVersion(id)?.planId];
  return planIds.every((p) => p !== undefined && model.plans.get().some((x) => x.id === p));
}
