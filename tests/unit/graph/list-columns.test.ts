import { describe, expect, it } from 'vitest';
import { DATE_PRECISIONS, IMPACT_RATINGS, PLAN_STATUSES, PROGRESS_UPDATE_KINDS } from '../../../src/domain';
import { LOG_ITEM_KINDS } from '../../../src/domain/reminders';
import type { ColumnSpec } from '../../../src/graph/codecs';
import { actionMapping } from '../../../src/graph/entities';
import { LIST_SPECS } from '../../../src/graph/list-specs';
import { selectedColumns } from '../../../src/graph/entity-mapping';
import { LIST_KEYS } from '../../../src/graph/lists';

const column = (list: keyof typeof LIST_SPECS, name: string): ColumnSpec | undefined =>
  LIST_SPECS[list].columns.find((c) => c.name === name);

describe('list columns derived from the entity mappings', () => {
  it('gives every list exactly the columns its mappings read and write, each once', () => {
    for (const key of LIST_KEYS) {
      const names = LIST_SPECS[key].columns.map((c) => c.name);
      expect(new Set(names).size, key).toBe(names.length);
    }
    const actionColumns = selectedColumns(actionMapping).filter((c) => c !== 'id' && c !== 'Title');
    expect(LIST_SPECS.actions.columns.map((c) => c.name).sort()).toEqual(actionColumns.sort());
  });

  it('takes choice columns’ values from the domain’s own lists, so they cannot drift', () => {
    expect(column('plans', 'PlanStatus')).toMatchObject({ choice: { choices: [...PLAN_STATUSES] } });
    expect(column('actions', 'ImpactRating')).toMatchObject({ choice: { choices: [...IMPACT_RATINGS] } });
    expect(column('milestones', 'DueDatePrecision')).toMatchObject({
      choice: { choices: [...DATE_PRECISIONS] },
    });
    expect(column('progressUpdates', 'Kind')).toMatchObject({
      choice: { choices: [...PROGRESS_UPDATE_KINDS] },
    });
    expect(column('reminderLog', 'Kind')).toMatchObject({ choice: { choices: [...LOG_ITEM_KINDS] } });
  });

  it('indexes what the app filters and orders on, and only that', () => {
    const indexed = (list: keyof typeof LIST_SPECS) =>
      LIST_SPECS[list].columns.filter((c) => c.indexed).map((c) => c.name);
    expect(indexed('actions')).toEqual(['PlanId', 'PriorityId', 'SortKey', 'LeadUpn', 'DueDate', 'Status']);
    expect(indexed('milestones')).toEqual(['PlanId', 'PriorityId', 'ActionId', 'DueDate']);
    expect(indexed('reminderLog')).toEqual(['ReminderKey', 'PlanId', 'ClaimedAt']);
  });

  it('keeps the plan’s reminder policy, a second mapping of the plans list, in a column of its own', () => {
    expect(column('plans', 'ReminderPolicy')).toMatchObject({ text: { allowMultipleLines: true } });
    expect(column('plans', 'Title')).toBeUndefined();
  });
});
