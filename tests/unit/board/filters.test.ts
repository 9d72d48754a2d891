import { describe, expect, it } from 'vitest';
import { resolveScale } from '../../../src/domain';
import { buildCardView } from '../../../src/features/board/board-model';
import {
  activeFilterCount,
  agencyOptions,
  filterCards,
  leadOptions,
  NO_FILTERS,
  readFilters,
  writeFilters,
  type BoardFilters,
} from '../../../src/features/board/filters';
import { action, aisha, hannah, milestone, TODAY } from './builders';

const scale = resolveScale('bragp');
const actions = [
  action({
    reference: '1.1',
    lead: hannah,
    status: 'amber',
    dueDate: '2026-11-01',
    text: 'Publish the JSNA',
  }),
  action({
    reference: '1.2',
    lead: aisha,
    status: 'green',
    dueDate: '2026-12-01',
    text: 'Agree the strategy',
  }),
  action({ reference: '1.3', lead: hannah, status: 'blue', dueDate: '2026-10-01', text: 'Set up the board' }),
  action({ reference: '1.10', lead: null, status: 'red', dueDate: null, text: 'Map the local offer' }),
  action({ reference: '2.1', lead: aisha, status: 'purple', dueDate: '2027-06-30', text: 'Train SENCOs' }),
];
const milestones = [
  milestone('a-1.10', '2026-11-20'), // overdue milestone on an undated action
  milestone('a-2.1', '2026-11-30'), // due within a week on a far action
  milestone('a-1.2', '2026-11-10', { completedOn: '2026-11-09' }), // done: ignored
];
const cards = actions.map((a) =>
  buildCardView(
    a,
    milestones.filter((m) => m.actionId === a.id),
    scale,
    TODAY,
  ),
);
const refs = (filters: Partial<BoardFilters>) =>
  filterCards(cards, { ...NO_FILTERS, ...filters }).map((c) => c.action.reference);

describe('board filters', () => {
  it.each<[string, Partial<BoardFilters>, string[]]>([
    ['no filter', {}, ['1.1', '1.2', '1.3', '1.10', '2.1']],
    ['lead (case-insensitive UPN)', { lead: hannah.upn.toUpperCase() }, ['1.1', '1.3']],
    ['agency', { agency: aisha.agency }, ['1.2', '2.1']],
    ['overdue: the action or an open milestone', { overdue: 'any' }, ['1.1', '1.10']],
    ['overdue milestones only', { overdue: 'milestones' }, ['1.10']],
    ['due in the next 7 days: not the overdue, not the completed', { dueWithinDays: 7 }, ['2.1']],
    ['due in the next 14 days', { dueWithinDays: 14 }, ['1.2', '2.1']],
    ['due in the next 30 days', { dueWithinDays: 30 }, ['1.2', '2.1']],
    ['text: every word, in reference, text or lead', { text: 'the  hannah' }, ['1.1', '1.3']],
    ['text: reference', { text: '1.1' }, ['1.1', '1.10']],
    ['text: agency', { text: 'rutland' }, ['1.2', '2.1']],
    ['text: nothing matches', { text: 'zebra' }, []],
    ['filters combine', { lead: aisha.upn, dueWithinDays: 7 }, ['2.1']],
  ])('%s', (_name, filters, expected) => {
    expect(refs(filters)).toEqual(expected);
  });

  it.each<[string, Partial<BoardFilters>]>([
    ['', {}],
    [
      'lead=a%40b.example&agency=ICB&overdue=1&due=14&q=jsna+plan&lanes=1',
      {
        lead: 'a@b.example',
        agency: 'ICB',
        overdue: 'any',
        dueWithinDays: 14,
        text: 'jsna plan',
        lanes: true,
      },
    ],
    ['overdue=milestones', { overdue: 'milestones' }],
    ['due=banana&overdue=yes', {}],
    ['due=-3', {}],
  ])('reads "%s" from the URL', (query, expected) => {
    expect(readFilters(new URLSearchParams(query))).toEqual({ ...NO_FILTERS, ...expected });
  });

  it('writes filters to the URL and back, leaving other parameters alone', () => {
    const filters: BoardFilters = {
      ...NO_FILTERS,
      lead: hannah.upn,
      overdue: 'milestones',
      text: 'joint plan',
    };
    const params = writeFilters(new URLSearchParams('theme=dark&due=7'), filters);
    expect(params.get('theme')).toBe('dark');
    expect(params.has('due')).toBe(false);
    expect(readFilters(params)).toEqual(filters);
  });

  it('counts the filters that narrow the board (swimlanes do not)', () => {
    expect(activeFilterCount({ ...NO_FILTERS, lanes: true })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, lead: 'x', text: '  ' })).toBe(1);
    expect(activeFilterCount({ ...NO_FILTERS, overdue: 'any', dueWithinDays: 7, agency: 'A' })).toBe(3);
  });

  it('offers each lead and agency once, alphabetically', () => {
    expect(leadOptions(actions).map((o) => o.label)).toEqual(['Aisha Begum', 'Hannah Whitfield']);
    expect(agencyOptions(actions).map((o) => o.value)).toEqual([aisha.agency, hannah.agency]);
  });
});
