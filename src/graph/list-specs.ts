import type { ColumnSpec } from './codecs';
import { ALL_MAPPINGS } from './entities';
import { columnsOf } from './entity-mapping';
import { LIST_KEYS, LIST_NAMES, type ListKey, type ListName } from './lists';

export interface ListSpec extends ListName {
  key: ListKey;
  columns: ColumnSpec[];
}

/**
 * What provisioning creates: every list with the columns its entity mappings read
 * and write (a column two mappings share is listed once). Kept apart from the
 * mappings so the tab, which never provisions, does not carry it.
 */
export const LIST_SPECS = Object.fromEntries(
  LIST_KEYS.map((key) => {
    const columns = new Map<string, ColumnSpec>();
    for (const mapping of ALL_MAPPINGS.filter((m) => m.list === key))
      for (const column of columnsOf(mapping))
        if (!columns.has(column.name)) columns.set(column.name, column);
    return [key, { key, ...LIST_NAMES[key], columns: [...columns.values()] }];
  }),
) as Record<ListKey, ListSpec>;
