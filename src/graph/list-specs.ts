import type { ColumnSpec } from './codecs';
import {
  actionMapping,
  focusAreaMapping,
  measureMapping,
  measureReadingMapping,
  milestoneMapping,
  planMapping,
  priorityMapping,
  progressUpdateMapping,
  reminderLogMapping,
  reminderPolicyMapping,
  riskMapping,
  weaknessMapping,
} from './entities';
import { columnsOf, type EntityMapping } from './entity-mapping';
import { LIST_KEYS, LIST_NAMES, type ListKey, type ListName } from './lists';

/**
 * What provisioning creates: every list with the columns its entity mappings read
 * and write. Kept apart from the mappings so the tab, which never provisions,
 * does not carry it.
 */
const MAPPINGS: readonly EntityMapping<{ id: string }>[] = [
  planMapping,
  reminderPolicyMapping,
  weaknessMapping,
  priorityMapping,
  focusAreaMapping,
  actionMapping,
  milestoneMapping,
  progressUpdateMapping,
  measureMapping,
  measureReadingMapping,
  riskMapping,
  reminderLogMapping,
];

export interface ListSpec extends ListName {
  key: ListKey;
  columns: ColumnSpec[];
}

/** Every list with the columns its mappings use (a column two mappings share is listed once). */
export const LIST_SPECS = Object.fromEntries(
  LIST_KEYS.map((key) => {
    const columns = new Map<string, ColumnSpec>();
    for (const mapping of MAPPINGS.filter((m) => m.list === key))
      for (const column of columnsOf(mapping))
        if (!columns.has(column.name)) columns.set(column.name, column);
    return [key, { key, ...LIST_NAMES[key], columns: [...columns.values()] }];
  }),
) as Record<ListKey, ListSpec>;
