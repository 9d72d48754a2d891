import type { Action } from '../../domain';
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
  /**
   * Overdue as every board figure counts it ('any': the action or a milestone is
   * late), or only actions holding an overdue milestone: the overview's two figures.
   */
  overdue: OverdueFilter | null;
  /** Due (the action or an open milestone) within this many days from today, not overdue yet. */
  dueWithinDays: number | null;
  text: string;
  /** Swimlanes by focus area. */
  lanes: boolean;
}

export const OVERDUE_CHOICES = ['any', 'milestones'] as const;
export type OverdueFilter = (typeof OVERDUE_CHOICES)[number];

export const NO_FILTERS: BoardFilters = {
  lead: null,
  agency: null,
  overdue: null,
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
    overdue: overdueParam(params.get(PARAM.overdue)),
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
  set(PARAM.overdue, filters.overdue === 'any' ? '1' : filters.overdue);
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

export function matchesFilters(card: CardView, filters: BoardFilters): boolean {
  const { action } = card;
  if (filters.lead && action.lead?.upn.toLowerCase() !== filters.lead.toLowerCase()) return false;
  if (filters.agency && action.lead?.agency !== filters.agency) return false;
  if (filters.overdue === 'any' && !card.overdue && card.overdueMilestones === 0) return false;
  if (filters.overdue === 'milestones' && card.overdueMilestones === 0) return false;
  if (filters.dueWithinDays !== null && !card.dueWithin(filters.dueWithinDays)) return false;
  const terms = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.every((term) => card.searchText.includes(term));
}

function overdueParam(value: string | null): OverdueFilter | null {
  if (value === '1') return 'any';
  return value === 'milestones' ? 'milestones' : null;
}

export function filterCards(cards: readonly CardView[], filters: BoardFilters): CardView[] {
  if (activeFilterCount(filters) === 0) return [...cards];
  return cards.filter((card) => matchesFilters(card, filters));
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
