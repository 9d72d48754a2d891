import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  columnName,
  IMPORT_FIELD_LABELS,
  type ColumnMapping,
  type ImportField,
  type ImportProblem,
  type ImportTable,
} from '../../domain/import';
import { fieldAt, mappedColumns } from './preview-model';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  long: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Fields whose cells are paragraphs rather than a few words. */
const LONG: ReadonlySet<ImportField> = new Set([
  'area',
  'focusArea',
  'action',
  'successMeasures',
  'progress',
]);

/**
 * A row's cells as the file has them, to correct in place: the preview is made
 * again from the corrected cells. Only the page's copy changes, never the file.
 */
export function RowEditor(props: {
  table: ImportTable | undefined;
  mapping: ColumnMapping;
  /** 1-based, as the preview names rows. */
  row: number;
  problems: readonly ImportProblem[];
  onApply: (cells: ReadonlyMap<number, string>) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const columns = mappedColumns(props.mapping);
  const original = props.table?.rows[props.row - 1] ?? [];
  const [cells, setCells] = useState(() => new Map(columns.map((c) => [c, original[c] ?? ''])));
  const first = useRef<HTMLElement | null>(null);
  // The first column with a problem is where the person starts.
  const problemColumns = new Set(props.problems.map((p) => p.place.column));
  const focusColumn = columns.find((c) => problemColumns.has(columnName(props.mapping, c))) ?? columns[0];
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = new Map([...cells].filter(([c, value]) => value !== (original[c] ?? '')));
    if (changed.size === 0) props.onCancel();
    else props.onApply(changed);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={`Cells of row ${props.row}`}>
      <div className={styles.fields}>
        {columns.map((column) => {
          const field = fieldAt(props.mapping, column);
          const heading = columnName(props.mapping, column);
          const label = heading.startsWith('column ') ? `Column ${column + 1}` : heading;
          const fieldLabel = field ? IMPORT_FIELD_LABELS[field] : '';
          const common = {
            value: cells.get(column) ?? '',
            ref:
              column === focusColumn
                ? (element: HTMLElement | null) => {
                    first.current = element;
                  }
                : undefined,
          };
          const set = (value: string) => setCells((now) => new Map(now).set(column, value));
          return (
            <Field
              key={column}
              className={field && LONG.has(field) ? styles.long : undefined}
              label={label}
              hint={fieldLabel && fieldLabel.toLowerCase() !== label.toLowerCase() ? fieldLabel : undefined}
            >
              {field && LONG.has(field) ? (
                <Textarea {...common} resize="vertical" onChange={(_, data) => set(data.value)} />
              ) : (
                <Input {...common} onChange={(_, data) => set(data.value)} />
              )}
            </Field>
          );
        })}
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" size="small">
          Apply to the preview
        </Button>
        <Button size="small" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
