/**
 * Sign-off through the quick input: "Request Sign-off…" asks named people (by default the plan's
 * sales and marketing leaders) to approve an edition; "Approve Edition…" records this person's
 * approval under the name on their invite (the server refuses any other name, and anyone but an editor).
 */
import { approveEdition, requestSignoff } from '../../../shared/editions/editionsDoc';
import { awaitingApprovalFrom } from '../../../shared/editions/planApproval';
import { defaultSignoffPeople } from '../../../shared/editions/signoff';
import { type Person } from '../../../shared/model/people';
import { teamName, type Team } from '../../../shared/model/teams';
import { type WorkbenchServices } from '../../workbench/services/services';
import {
  editionOf, errorText, loadedEditions, nextQuestion, pickVersion, planOf, planTitle, refuseReader, saveEditionInteractive,
} from './editionActions';
import { joinNames } from './editionWords';

const withTeam = (teams: readonly Team[]) => (p: Person) => `${p.name} (${teamName(p.team, teams)})`;

/** Picks people one at a time until "Done"; null when dismissed. */
async function choosePeople(wb: WorkbenchServices, start: Person[], editionName: string): Promise<Person[] | null> {
  let chosen = [...start];
  for (;;) {
    const people = wb.model.people.get();
    type Choice = { done: true } | { person: Person };
    const items: { label: string; description?: string; value: Choice }[] = people.map((p) => ({
      label: `${chosen.some((c) => c.id === p.id) ? '✓ ' : ''}${p.name}`,
      description: [teamName(p.team, wb.model.teams.get()), p.role].filter(Boolean).join(' · '),
      value: { person: p },
    }));
    if (chosen.length) items.unshift({ label: `Ask ${joinNames(chosen.map((p) => p.name))}`, description: 'done choosing', value: { done: true } });
    const picked = await wb.quickInput.pick(items, { placeholder: `Who approves “${editionName}”? Pick people to add or remove, then “Ask…”` });
    if (!picked) return null;
    if ('done' in picked) return chosen;
    chosen = chosen.some((c) => c.id === picked.person.id) ? chosen.filter((c) => c.id !== picked.person.id) : [...chosen, picked.person];
    await nextQuestion();
  }
}

/** "Request Sign-off…": an edition (the argument's, one picked, or a new one when there is none) and the people asked. */
export async function requestSignoffInteractive(wb: WorkbenchServices, arg: unknown): Promise<void> {
  const planId = planOf(wb, arg);
  let entry = planId ? await loadedEditions(wb, planId) : null;
  if (!entry || refuseReader(wb, entry, 'ask for sign-off')) return;
  let editionId = editionOf(arg)?.editionId ?? null;
  if (!editionId && entry.records.editions.length === 0) {
    const saved = await saveEditionInteractive(wb, entry.planId);
    if (!saved) return;
    editionId = saved.id;
    entry = (await loadedEditions(wb, entry.planId))!;
    await nextQuestion();
  }
  if (!editionId) {
    const picked = await pickVersion(wb, entry, 'Ask for sign-off of which edition?');
    if (!picked?.editionId) return;
    editionId = picked.editionId;
    await nextQuestion();
  }
  const edition = entry.records.editions.find((e) => e.id === editionId);
  if (!edition) return;
  const snapshot = wb.model.snapshots.get().find((s) => s.meta.id === entry.planId);
  const leaders = snapshot ? defaultSignoffPeople(snapshot, wb.model.people.get()) : [];
  let asked: Person[] | null = leaders;
  if (leaders.length) {
    const how = await wb.quickInput.pick([
      { label: `Ask ${joinNames(leaders.map(withTeam(wb.model.teams.get())))}`, description: 'the plan’s sales and marketing leaders', value: 'leaders' as const },
      { label: 'Choose people…', value: 'choose' as const },
    ], { placeholder: `Who approves “${edition.name}”?` });
    if (!how) return;
    if (how === 'choose') {
      await nextQuestion();
      asked = await choosePeople(wb, leaders, edition.name);
    }
  } else {
    asked = await choosePeople(wb, [], edition.name);
  }
  if (!asked?.length) return;
  try {
    requestSignoff(entry.session.doc, { editionId: edition.id, people: asked.map((p) => p.id), requestedBy: wb.user.name });
    wb.notifications.notify(`Asked ${joinNames(asked.map((p) => p.name))} to approve “${edition.name}” of “${planTitle(wb, entry.planId)}”.`);
  } catch (err) {
    wb.notifications.notify(`Could not ask for sign-off: ${errorText(err)}`, 'error');
  }
}

/** "Approve Edition…": the argument's edition, else the one this person is asked to approve, else one picked. */
export async function approveInteractive(wb: WorkbenchServices, arg: unknown): Promise<void> {
  const planId = planOf(wb, arg);
  const entry = planId ? await loadedEditions(wb, planId) : null;
  if (!entry || refuseReader(wb, entry, 'approve them')) return;
  let editionId = editionOf(arg)?.editionId;
  if (!editionId) {
    const waiting = awaitingApprovalFrom(entry.records, wb.model.people.get(), wb.user.name);
    const name = waiting?.edition?.name;
    editionId = waiting && name
      ? (await wb.quickInput.pick([
        { label: `Approve “${name}”`, description: `asked by ${waiting.request.requestedBy}`, value: waiting.request.editionId },
        { label: 'Not now', value: null },
      ], { placeholder: `Approve “${name}” of “${planTitle(wb, entry.planId)}”?` })) ?? undefined
      : (await pickVersion(wb, entry, 'Approve which edition?'))?.editionId ?? undefined;
  }
  const edition = entry.records.editions.find((e) => e.id === editionId);
  if (!edition) return;
  try {
    approveEdition(entry.session.doc, { editionId: edition.id, by: wb.user.name });
    wb.notifications.notify(`You approved “${edition.name}” of “${planTitle(wb, entry.planId)}”.`);
  } catch (err) {
    wb.notifications.notify(`Could not approve “${edition.name}”: ${errorText(err)}`, 'error');
  }
}
