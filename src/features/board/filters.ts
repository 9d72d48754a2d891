import { addDays, type Action, type IsoDate } from '../../domain';
import type { CardView } from './board-model';

/**
 * The board's filters. They live in the URL's query string so a filtered board
 * survives a reload and can be shared as a link; parameters they do not own
 * (`theme`, …) are left alone.
 */
export interface BoardFilters {
  /** The lead's UPN. */
  lead: string | null;
  agency: string | null;
  overdue: boolean;
  /** Due (the action or an open milestone) within this many days from today, overdue included. */
  dueWithinDays: number | null;
  text: string;
  /** Swimlanes by focus area. */
  lanes: boolean;
}

export const NO_FILTERS: BoardFilters = {
  lead: null,
  agency: null,
  overdue: false,
  dueWithinDays: null,
  text: '',
  lanes: false,
};

export const DUE_WITHIN_CHOICES = [7, 14, 30, 60, 90] as const;

const PARAM = { lead: 'lead', agency: 'agency', overdue: 'overdue', due: 'due', text: 'q', lanes: 'lanes' };

export function readFilters(params: URLSearchParams): BoardFilters {
  const due = Number(params.get(PARAM.due));
  return {
    lead: params.get(PARAM.lead) || null,
    agency: params.get(PARAM.agency) || null,
    overdue: params.get(PARAM.overdue) === '1',
    dueWithinDays: Number.isInteger(due) && due > 0 && due <= 3650 ? due : null,
    text: params.get(PARAM.text) ?? '',
    lanes: params.get(PARAM.lanes) === '1',
  };
}

export function writeFilters(params: URLSearchParams, filters: BoardFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | null) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  set(PARAM.lead, filters.lead);
  set(PARAM.agency, filters.agency);
  set(PARAM.overdue, filters.overdue ? '1' : null);
  set(PARAM.due, filters.dueWithinDays ? String(filters.dueWithinDays) : null);
  set(PARAM.text, filters.text ? filters.text : null);
  set(PARAM.lanes, filters.lanes ? '1' : null);
  return next;
}

/** How many filters narrow the board (swimlanes only arrange it). */
export function activeFilterCount(filters: BoardFilters): number {
  return [filters.lead, filters.agency, filters.overdue, filters.dueWithinDays, filters.text.trim()].filter(
    Boolean,
  ).length;
}

export function matchesFilters(card: CardView, filters: BoardFilters, today: IsoDate): boolean {
  const { action } = card;
  if (filters.lead && action.lead?.upn.toLowerCase() !== filters.lead.toLowerCase()) return false;
  if (filters.agency && action.lead?.agency !== filters.agency) return false;
  if (filters.overdue && !card.overdue && !card.milestoneOverdue) return false;
  if (filters.dueWithinDays !== null && !isDueWithin(card, addDays(today, filters.dueWithinDays)))
    return false;
  const terms = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.every((term) => card.searchText.includes(term));
}

function isDueWithin(card: CardView, limit: IsoDate): boolean {
  if (card.completed) return false;
  const { dueDate } = card.action;
  return (
    (dueDate !== null && dueDate <= limit) ||
    (card.earliestOpenMilestone !== null && card.earliestOpenMilestone <= limit)
  );
}

export function filterCards(cards: readonly CardView[], filters: BoardFilters, today: IsoDate): CardView[] {
  if (activeFilterCount(filters) === 0) return [...cards];
  return cards.filter((card) => matchesFilters(card, filters, today));
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The leads on this board, by name. */
export function leadOptions(actions: readonly Pick<Action, 'lead'>[]): FilterOption[] {
  const byUpn = new Map<string, FilterOption>();
  for (const { lead } of actions) {
    if (lead && !byUpn.has(lead.upn.toLowerCase()))
      byUpn.set(lead.upn.toLowerCase(), { value: lead.upn, label: lead.displayName });
  }
  return [...byUpn.values()].sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

/** The agencies leading actions on this board, alphabetically. */
export function agencyOptions(actions: readonly Pick<Action, 'lead'>[]): FilterOption[] {
  const agencies = new Set<string>();
  for (const { lead } of actions) if (lead?.agency) agencies.add(lead.agency);
  return [...agencies]
    .sort((a, b) => a.localeCompare(b, 'en-GB'))
    .map((agency) => ({ value: agency, label: agency }));
}
