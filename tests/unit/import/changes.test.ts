import { describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makeMilestone,
  makePriority,
  makeWeakness,
  initialRating,
  resolveScale,
  type PersonRef,
} from '../../../src/domain';
import { importPlan, placeKey, type ImportTable } from '../../../src/domain/import';
import {
  countWrites,
  EMPTY_PLAN,
  planImportChanges,
  SECOND_DATE_MILESTONE,
  type ExistingPlan,
} from '../../../src/domain/import/changes';
import { leadLookup } from '../../../src/domain/import/lead-lookup';

const scale = resolveScale('bragp');
const daniel: PersonRef = {
  entraId: 'd1',
  upn: 'daniel.okafor@demo.localarea.example',
  displayName: 'Daniel Okafor',
  agency: 'ICB',
};

const table = (...rows: string[][]): ImportTable => ({
  name: 'Table 1',
  rows: [['Ref', 'Action', 'Lead', 'Timescale', 'RAG', 'Progress'], ...rows],
});
const draftOf = (...rows: string[][]) => importPlan([table(...rows)], { scale });
const stored = <T>(item: T) => ({ ...item, etag: '"1"' });

/** The plan as a first import of `rows` would leave it. */
function existingFrom(): ExistingPlan {
  const ids = { planId: 'p' };
  return {
    weaknesses: [stored(makeWeakness({ ...ids, id: 'w1', number: 1, finding: 'Joint commissioning' }))],
    priorities: [stored(makePriority({ ...ids, id: 'p1', number: 1, title: 'Joint commissioning' }))],
    focusAreas: [
      stored(makeFocusArea({ ...ids, id: 'f1', priorityId: 'p1', reference: '1.1', title: '1.1' })),
      stored(makeFocusArea({ ...ids, id: 'f2', priorityId: 'p1', reference: '1.2', title: '1.2' })),
    ],
    actions: [
      stored(
        makeAction({
          ...ids,
          id: 'a1',
          priorityId: 'p1',
          focusAreaId: 'f1',
          reference: '1.1.1',
          text: 'Publish the strategy',
          leadAsWritten: 'Head of SEND',
          dueDate: '2026-12-31',
          dueDatePrecision: 'month',
          status: 'green',
          progressNarrative: 'Draft agreed by the board',
        }),
      ),
    ],
    milestones: [],
  };
}

describe('what an import will do to a plan', () => {
  it('creates every area (an area of weakness and a priority), focus area and action in a new plan', () => {
    const draft = draftOf(
      ['1. Joint commissioning'],
      ['1.1.1', 'Publish the strategy', 'Head of SEND', 'Dec 2026', 'G'],
    );
    const changes = planImportChanges(draft, EMPTY_PLAN, { scale });

    expect(changes.areas).toHaveLength(1);
    expect(changes.areas[0]?.weakness).toMatchObject({
      kind: 'create',
      values: { number: 1, finding: 'Joint commissioning' },
    });
    expect(changes.areas[0]?.priority).toMatchObject({
      kind: 'create',
      values: { number: 1, label: 'Area 1', title: 'Joint commissioning', weaknessNumbers: [1] },
    });
    expect(changes.focusAreas.map((f) => [f.reference, f.write.kind])).toEqual([['1.1', 'create']]);
    expect(changes.actions[0]?.write).toMatchObject({
      kind: 'create',
      values: {
        reference: '1.1.1',
        text: 'Publish the strategy',
        lead: null,
        leadAsWritten: 'Head of SEND',
        dueDate: '2026-12-31',
        dueDatePrecision: 'month',
        status: 'green',
      },
    });
    expect(countWrites(changes)).toBe(4);
  });

  it('gives an unrated action the scale’s first rating', () => {
    const draft = draftOf(['1. Area'], ['1.1.1', 'Publish', '', '', '']);
    const status = planImportChanges(draft, EMPTY_PLAN, { scale }).actions[0]?.write.values.status;
    expect(status).toBe(initialRating(scale).key);
    expect(initialRating(scale).label).toBe('Yet to start');
  });

  it('keeps a long area whole as the finding and cuts the priority’s title at a word to fit', () => {
    const long = `1. ${'Leaders do not share an accurate understanding of needs '.repeat(6).trim()}`;
    const changes = planImportChanges(draftOf([long], ['1.1.1', 'Act']), EMPTY_PLAN, { scale });
    const title = String(changes.areas[0]?.priority.values.title);
    expect(changes.areas[0]?.weakness.values.finding).toBe(long.slice(3));
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title.endsWith('…')).toBe(true);
    expect(long).toContain(title.slice(0, -1));
  });

  it('matches the plan’s items by number and reference: the same values change nothing', () => {
    const draft = draftOf(
      ['1. Joint commissioning'],
      ['1.1.1', 'Publish the strategy', 'Head of SEND', 'Dec 2026', 'G', 'Draft agreed by the board'],
    );
    const changes = planImportChanges(draft, existingFrom(), { scale });
    expect(changes.areas[0]?.priority.kind).toBe('same');
    expect(changes.actions[0]?.write).toMatchObject({ kind: 'same', changed: [] });
    expect(countWrites(changes)).toBe(0);
  });

  it('never replaces an area of weakness’s quoted finding, but renames its priority', () => {
    const draft = draftOf(['1. Commissioning'], ['1.1.1', 'Publish the strategy']);
    const area = planImportChanges(draft, existingFrom(), { scale }).areas[0];
    expect(area?.weakness.kind).toBe('same');
    expect(area?.priority).toMatchObject({ kind: 'update', values: { title: 'Commissioning' } });
  });

  it('updates only the fields that changed, naming them', () => {
    const draft = draftOf(
      ['1. Joint commissioning'],
      ['1.1.1', 'Publish the strategy', 'Head of SEND', 'Mar 2027', 'A'],
    );
    const write = planImportChanges(draft, existingFrom(), { scale }).actions[0]?.write;
    expect(write).toMatchObject({
      kind: 'update',
      values: { dueDate: '2027-03-31', status: 'amber' },
      changed: ['due date', 'rating'],
    });
    expect(Object.keys(write?.values ?? {}).sort()).toEqual(['dueDate', 'status']);
  });

  it('never clears a stored value from a blank cell', () => {
    const draft = draftOf(['1. Joint commissioning'], ['1.1.1', 'Publish the strategy', '', '', '', '']);
    const write = planImportChanges(draft, existingFrom(), { scale }).actions[0]?.write;
    expect(write?.kind).toBe('same');
  });

  it('moves an action whose reference now sits in another focus area', () => {
    const existing = existingFrom();
    const moved = { ...existing, actions: existing.actions.map((a) => ({ ...a, focusAreaId: 'f2' })) };
    const draft = draftOf(
      ['1. Joint commissioning'],
      ['1.1.1', 'Publish the strategy', 'Head of SEND', 'Dec 2026', 'G'],
    );
    expect(planImportChanges(draft, moved, { scale }).actions[0]?.write).toMatchObject({
      kind: 'update',
      changed: ['focus area'],
    });
  });

  describe('leads', () => {
    const people = new Map<string, PersonRef | null>([
      ['Daniel Okafor', daniel],
      ['Head of SEND', null],
    ]);
    const leadOf = (cell: string) =>
      planImportChanges(draftOf(['1. Area'], ['1.1.1', 'Act', cell]), EMPTY_PLAN, { scale, people })
        .actions[0]?.write.values;

    it('a person the directory knows is the lead', () => {
      expect(leadOf('Daniel Okafor')).toMatchObject({ lead: daniel, leadAsWritten: '' });
    });
    it('a job title is kept as written', () => {
      expect(leadOf('Head of SEND')).toMatchObject({ lead: null, leadAsWritten: 'Head of SEND' });
    });
    it('of several, the first is the lead and all are kept as written', () => {
      expect(leadOf('Daniel Okafor; Olivia Grant')).toMatchObject({
        lead: daniel,
        leadAsWritten: 'Daniel Okafor; Olivia Grant',
      });
    });
    it('keeps as many whole leads as the column holds', () => {
      const many = Array.from(
        { length: 30 },
        (_, i) => `Lead Person${String.fromCharCode(65 + (i % 26))}`,
      ).join('; ');
      const kept = String(leadOf(many)?.leadAsWritten);
      expect(kept.length).toBeLessThanOrEqual(255);
      expect(many.startsWith(kept)).toBe(true);
      expect(kept.endsWith(';')).toBe(false);
    });
    it('looks a lead up by e-mail address, else by the name before a bracket, comma or new line', () => {
      expect(leadLookup('Jane Moore <Jane.Moore@county.gov.uk>')).toEqual({
        key: 'jane.moore@county.gov.uk',
        email: true,
      });
      expect(leadLookup('K Rowland (DfE)')).toEqual({ key: 'K Rowland', email: false });
      expect(leadLookup('Jane Moore\nDirector of Children and Family Services')).toEqual({
        key: 'Jane Moore',
        email: false,
      });
      expect(leadLookup('x')).toBeNull();
    });
  });

  describe('rows left out', () => {
    it('a row chosen to skip, with its implied focus area, and nothing else', () => {
      const draft = draftOf(['1. Area'], ['1.1.1', 'First'], ['1.2.1', 'Second']);
      const first = draft.actions[0];
      if (!first) throw new Error('No action');
      const changes = planImportChanges(draft, EMPTY_PLAN, { scale, skip: new Set([placeKey(first.place)]) });
      expect(changes.skipped).toEqual([
        { what: 'action', reference: '1.1.1', place: first.place, reason: 'Skipped in the preview' },
      ]);
      expect(changes.focusAreas.map((f) => f.reference)).toEqual(['1.2']);
      expect(changes.actions.map((a) => a.reference)).toEqual(['1.2.1']);
    });

    it('a row with an error, with its message', () => {
      const draft = draftOf(['1. Area'], ['1.1.1', 'First'], ['1.1.2', '', 'Daniel Okafor', 'Dec 2026']);
      const changes = planImportChanges(draft, EMPTY_PLAN, { scale });
      expect(changes.skipped).toEqual([
        expect.objectContaining({ what: 'action', reason: expect.stringContaining('no action text') }),
      ]);
      expect(changes.actions.map((a) => a.reference)).toEqual(['1.1.1']);
    });

    it('a skipped area heading takes its focus areas and actions with it, each saying why', () => {
      const draft = draftOf(['1. First area'], ['1.1.1', 'First'], ['2. Second area'], ['2.1.1', 'Second']);
      const heading = draft.areas[1]?.place;
      if (!heading) throw new Error('No heading row');
      const changes = planImportChanges(draft, EMPTY_PLAN, { scale, skip: new Set([placeKey(heading)]) });
      expect(changes.skipped.map((s) => [s.what, s.reference, s.reason])).toEqual([
        ['area', '2', 'Skipped in the preview'],
        ['focus area', '2.1', 'Its area (2) is not imported'],
        ['action', '2.1.1', 'Its area (2) is not imported'],
      ]);
      expect(changes.areas.map((a) => a.number)).toEqual([1]);
    });
  });

  it('makes a timescale’s second date a milestone, once', () => {
    const draft = draftOf(
      ['1. Joint commissioning'],
      ['1.1.1', 'Publish the strategy', 'Head of SEND', 'March 2027 and July 2027', 'G'],
    );
    const first = planImportChanges(draft, EMPTY_PLAN, { scale }).actions[0]?.milestone;
    expect(first).toMatchObject({
      kind: 'create',
      values: { title: SECOND_DATE_MILESTONE, dueDate: '2027-07-31', dueDatePrecision: 'month' },
    });
    const existing = existingFrom();
    const withMilestone = {
      ...existing,
      milestones: [
        stored(
          makeMilestone({
            id: 'm1',
            planId: 'p',
            priorityId: 'p1',
            actionId: 'a1',
            title: SECOND_DATE_MILESTONE,
            dueDate: '2027-09-30',
          }),
        ),
      ],
    };
    expect(planImportChanges(draft, withMilestone, { scale }).actions[0]?.milestone?.kind).toBe('same');
  });
});
