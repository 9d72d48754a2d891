import type { Action, AreaOfWeakness, FocusArea, Priority } from './model';
import { compareReferences, isReference, isWithin, parseReference } from './reference';
import type { Validated } from './validation';

/**
 * A plan's structure: areas of weakness, priorities, focus areas and actions, and
 * the rules that keep their numbers and references in step.
 *
 * - **Siblings** are the areas of weakness of a plan; its priorities; the focus areas
 *   of one priority; the actions of one focus area (or of one priority, for actions
 *   that sit in no focus area).
 * - **Moving** reorders the siblings in use and hands their own numbers out again
 *   in the new order: of priorities 1, 2 and 4, moving 2 down makes it 4 and the
 *   old 4 becomes 2. Only items whose number changes are patched; gaps stay where they were.
 * - **Archived items keep their numbers**: a move never touches them, and a new item
 *   never takes a number an archived sibling holds (the next number is one past the
 *   highest held by any sibling, archived or not), so "action 2.1.3" names one
 *   action for ever and history stays unambiguous.
 * - **References follow**: a priority renumbered 2 → 3 takes its focus areas 2.x → 3.x
 *   and its actions 2.x.y → 3.x.y (archived ones too: they keep their own last
 *   number but stay under their parent); a focus area 2.1 → 2.2 takes its actions
 *   2.1.y → 2.2.y; an area of weakness renumbered 3 → 4 is linked as 4 by the
 *   priorities that answer it; a label that ends in the priority's number
 *   ("Priority 2", "IP2", "Area 2") follows it. A reference that does not start
 *   with its parent's (written otherwise by hand) is left as it is.
 */
export interface PlanStructure {
  weaknesses: readonly AreaOfWeakness[];
  priorities: readonly Priority[];
  focusAreas: readonly FocusArea[];
  actions: readonly Action[];
}

export type StructureKind = 'weakness' | 'priority' | 'focusArea' | 'action';
export interface StructureTarget {
  kind: StructureKind;
  id: string;
}

export type StructureChange =
  | { kind: 'weakness'; id: string; patch: Partial<Pick<AreaOfWeakness, 'number'>> }
  | { kind: 'priority'; id: string; patch: Partial<Pick<Priority, 'number' | 'label' | 'weaknessNumbers'>> }
  | { kind: 'focusArea'; id: string; patch: Partial<Pick<FocusArea, 'reference'>> }
  | { kind: 'action'; id: string; patch: Partial<Pick<Action, 'reference'>> };

export const STRUCTURE_NOUNS: Record<StructureKind, string> = {
  weakness: 'Area of weakness',
  priority: 'Priority',
  focusArea: 'Focus area',
  action: 'Action',
};

type Item = { id: string; archived: boolean };
type Numbered = 'weakness' | 'priority';
/** An item among its siblings: its number ("2") or its reference ("2.1.3"), as text. */
type Sibling = Item & { place: string };

const byNumber = (a: { number: number; id: string }, b: { number: number; id: string }) =>
  a.number - b.number || a.id.localeCompare(b.id);
const byRef = (a: { reference: string; id: string }, b: { reference: string; id: string }) =>
  safeCompare(a.reference, b.reference) || a.id.localeCompare(b.id);

/** A reference written wrongly by hand sorts last rather than failing the whole view. */
function safeCompare(a: string, b: string): number {
  const okA = isReference(a);
  const okB = isReference(b);
  if (okA && okB) return compareReferences(a, b);
  return okA === okB ? a.localeCompare(b) : okA ? -1 : 1;
}

const numbered = (item: Item & { number: number }): Sibling => ({ ...item, place: String(item.number) });
const referenced = (item: Item & { reference: string }): Sibling => ({ ...item, place: item.reference });

/** Every sibling of the target (archived ones too), in order; the target among them. */
function siblingsOf(structure: PlanStructure, target: StructureTarget): Sibling[] {
  switch (target.kind) {
    case 'weakness':
      return [...structure.weaknesses].sort(byNumber).map(numbered);
    case 'priority':
      return [...structure.priorities].sort(byNumber).map(numbered);
    case 'focusArea': {
      const item = structure.focusAreas.find((f) => f.id === target.id);
      if (!item) return [];
      return structure.focusAreas
        .filter((f) => f.priorityId === item.priorityId)
        .sort(byRef)
        .map(referenced);
    }
    case 'action': {
      const item = structure.actions.find((a) => a.id === target.id);
      if (!item) return [];
      return structure.actions
        .filter((a) => a.priorityId === item.priorityId && a.focusAreaId === item.focusAreaId)
        .sort(byRef)
        .map(referenced);
    }
  }
}

/** Where the target stands among its siblings in use: index, and how many there are. */
export function placeAmongSiblings(
  structure: PlanStructure,
  target: StructureTarget,
): { index: number; count: number } {
  const active = siblingsOf(structure, target).filter((s) => !s.archived);
  return { index: active.findIndex((s) => s.id === target.id), count: active.length };
}

/** Moves the target by `offset` places among its siblings in use (-1 up, +1 down). */
export function moveBy(
  structure: PlanStructure,
  target: StructureTarget,
  offset: number,
): Validated<StructureChange[]> {
  const { index } = placeAmongSiblings(structure, target);
  return moveTo(structure, target, index + offset);
}

/**
 * Moves the target to `index` among its siblings in use (clamped to the ends) and
 * gives every change that follows, each item once with only what changes.
 */
export function moveTo(
  structure: PlanStructure,
  target: StructureTarget,
  index: number,
): Validated<StructureChange[]> {
  const refused = refuseUnknownOrArchived(structure, target);
  if (refused) return refused;
  const active = siblingsOf(structure, target).filter((s) => !s.archived);
  const from = active.findIndex((s) => s.id === target.id);
  const to = Math.min(Math.max(0, Math.trunc(index)), active.length - 1);
  const reordered = [...active];
  const [moved] = reordered.splice(from, 1);
  if (moved) reordered.splice(to, 0, moved);
  const renumbered = new Map<string, { from: string; to: string }>();
  reordered.forEach((item, i) => {
    const now = active[i]?.place ?? item.place;
    if (item.place !== now) renumbered.set(item.id, { from: item.place, to: now });
  });
  return { ok: true, value: consequences(structure, target.kind, renumbered) };
}

/**
 * An area of weakness or a priority given a number of its own, with what follows.
 * Refused when a sibling (archived or not) holds the number already.
 */
export function renumber(
  structure: PlanStructure,
  target: StructureTarget & { kind: Numbered },
  number: number,
): Validated<StructureChange[]> {
  const refused = refuseUnknownOrArchived(structure, target);
  if (refused) return refused;
  const siblings = siblingsOf(structure, target);
  const current = siblings.find((s) => s.id === target.id);
  if (!current || current.place === String(number)) return { ok: true, value: [] };
  const holder = siblings.find((s) => s.id !== target.id && s.place === String(number));
  if (holder) return takenNumber(target.kind, number, holder);
  const renumbered = new Map([[target.id, { from: current.place, to: String(number) }]]);
  return { ok: true, value: consequences(structure, target.kind, renumbered) };
}

/** A number a new area of weakness or priority may take: refused when a sibling, archived or not, holds it. */
export function checkFreeNumber(structure: PlanStructure, kind: Numbered, number: number): Validated<number> {
  const items: readonly (Item & { number: number })[] =
    kind === 'weakness' ? structure.weaknesses : structure.priorities;
  const holder = items.find((i) => i.number === number);
  return holder ? takenNumber(kind, number, holder) : { ok: true, value: number };
}

function takenNumber(kind: Numbered, number: number, holder: Item): Validated<never> {
  const archived = holder.archived ? ' (archived, and numbers are never reused)' : '';
  return issue(
    'number',
    `${STRUCTURE_NOUNS[kind]} ${number} already exists${archived}: choose another number`,
  );
}

/** The number for a new area of weakness or priority: one past the highest held, archived ones included. */
export function nextNumber(structure: PlanStructure, kind: Numbered): number {
  const items: readonly { number: number }[] =
    kind === 'weakness' ? structure.weaknesses : structure.priorities;
  return Math.max(0, ...items.map((i) => i.number)) + 1;
}

/** The reference for a new focus area of a priority: "2.4" after 2.1–2.3, archived ones included. */
export function nextFocusAreaReference(structure: PlanStructure, priority: Pick<Priority, 'id' | 'number'>) {
  return nextUnder(structure, priority.id, String(priority.number));
}

/**
 * The reference for a new action: the next under its focus area ("2.1.4"), or
 * under its priority when it sits in none.
 */
export function nextActionReference(
  structure: PlanStructure,
  priority: Pick<Priority, 'id' | 'number'>,
  focusArea: Pick<FocusArea, 'reference'> | null,
): string {
  return nextUnder(structure, priority.id, focusArea ? focusArea.reference : String(priority.number));
}

/**
 * The label for a new priority, as the plan writes them: "Area 4" after "Area 3",
 * "IP4" after "IP3"; "Priority 4" when the plan's labels follow no such pattern.
 */
export function defaultPriorityLabel(
  priorities: readonly Pick<Priority, 'number' | 'label'>[],
  number: number,
) {
  const latest = [...priorities]
    .sort((a, b) => b.number - a.number)
    .find((p) => numberedLabel(p.label)?.number === p.number);
  const pattern = latest ? numberedLabel(latest.label) : null;
  return `${pattern ? pattern.prefix : 'Priority '}${number}`;
}

/** A label ending in a number ("Priority 2", "IP2"): the words before it and the number. */
function numberedLabel(label: string): { prefix: string; number: number } | null {
  const match = /^(.*?)(\d+)$/.exec(label.trim());
  return match ? { prefix: match[1] ?? '', number: Number(match[2]) } : null;
}

/** "Priority 2" → "Priority 3" when the priority goes from 2 to 3; any other label stays. */
export function followLabel(label: string, from: number, to: number): string {
  const numbered = numberedLabel(label);
  return numbered && numbered.number === from ? `${numbered.prefix}${to}` : label;
}

/** "2.1.3" under "2" → "3.1.3" under "3"; a reference not under `from` is left as it is. */
export function rebaseReference(reference: string, from: string, to: string): string {
  if (!isReference(reference) || !isReference(from) || !isWithin(reference, from)) return reference;
  const rest = parseReference(reference).slice(parseReference(from).length);
  return [...parseReference(to), ...rest].join('.');
}

function find(structure: PlanStructure, target: StructureTarget): Item | undefined {
  const lists: Record<StructureKind, readonly Item[]> = {
    weakness: structure.weaknesses,
    priority: structure.priorities,
    focusArea: structure.focusAreas,
    action: structure.actions,
  };
  return lists[target.kind].find((i) => i.id === target.id);
}

function refuseUnknownOrArchived(structure: PlanStructure, target: StructureTarget): Validated<never> | null {
  const item = find(structure, target);
  const noun = STRUCTURE_NOUNS[target.kind];
  if (!item) return issue('', `This ${noun.toLowerCase()} is not part of the plan any more: reload the plan`);
  if (item.archived) return issue('', `${noun} is archived: restore it before changing it`);
  return null;
}

function issue(field: string, message: string): Validated<never> {
  return { ok: false, issues: [{ field, message }] };
}

/** The highest number at the first level under `prefix` among a priority's focus areas and actions, plus one. */
function nextUnder(structure: PlanStructure, priorityId: string, prefix: string): string {
  const depth = parseReference(prefix).length;
  const references = [
    ...structure.focusAreas.filter((f) => f.priorityId === priorityId),
    ...structure.actions.filter((a) => a.priorityId === priorityId),
  ]
    .map((i) => i.reference)
    .filter((r) => isReference(r) && isWithin(r, prefix));
  const highest = Math.max(0, ...references.map((r) => parseReference(r)[depth] ?? 0));
  return `${prefix}.${highest + 1}`;
}

/** Each renumbered item's own change, and what follows from it below and beside it. */
function consequences(
  structure: PlanStructure,
  kind: StructureKind,
  renumbered: ReadonlyMap<string, { from: string; to: string }>,
): StructureChange[] {
  const changes = changeSet(structure);
  for (const [id, { from, to }] of renumbered) {
    switch (kind) {
      case 'weakness':
        changes.add({ kind, id, patch: { number: Number(to) } });
        break;
      case 'priority': {
        const priority = structure.priorities.find((p) => p.id === id);
        const label = priority ? followLabel(priority.label, Number(from), Number(to)) : undefined;
        changes.add({ kind, id, patch: { number: Number(to), label } });
        for (const f of structure.focusAreas.filter((f) => f.priorityId === id))
          changes.add({
            kind: 'focusArea',
            id: f.id,
            patch: { reference: rebaseReference(f.reference, from, to) },
          });
        for (const a of structure.actions.filter((a) => a.priorityId === id))
          changes.add({
            kind: 'action',
            id: a.id,
            patch: { reference: rebaseReference(a.reference, from, to) },
          });
        break;
      }
      case 'focusArea':
        changes.add({ kind, id, patch: { reference: to } });
        for (const a of structure.actions.filter((a) => a.focusAreaId === id))
          changes.add({
            kind: 'action',
            id: a.id,
            patch: { reference: rebaseReference(a.reference, from, to) },
          });
        break;
      case 'action':
        changes.add({ kind, id, patch: { reference: to } });
        break;
    }
  }
  if (kind === 'weakness') {
    // All at once, so that a swap of 1 and 2 is a swap and not 1 → 2 → 1.
    const moved = new Map([...renumbered.values()].map(({ from, to }) => [Number(from), Number(to)]));
    for (const p of structure.priorities) {
      if (!p.weaknessNumbers.some((n) => moved.has(n))) continue;
      const weaknessNumbers = p.weaknessNumbers.map((n) => moved.get(n) ?? n).sort((a, b) => a - b);
      changes.add({ kind: 'priority', id: p.id, patch: { weaknessNumbers } });
    }
  }
  return changes.list();
}

/** Changes gathered per item, keeping only what differs from the item as it is. */
function changeSet(structure: PlanStructure) {
  const byItem = new Map<string, StructureChange>();
  return {
    add(change: StructureChange): void {
      const current = find(structure, change) as Record<string, unknown> | undefined;
      if (!current) return;
      const differs = Object.entries(change.patch).filter(
        ([key, value]) => value !== undefined && JSON.stringify(current[key]) !== JSON.stringify(value),
      );
      if (differs.length === 0) return;
      const key = `${change.kind}:${change.id}`;
      const patch = { ...byItem.get(key)?.patch, ...Object.fromEntries(differs) };
      byItem.set(key, { ...change, patch } as StructureChange);
    },
    list: (): StructureChange[] => [...byItem.values()],
  };
}
