import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  columnName,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  type ImportTable,
} from '../../domain/import';
import { fieldAt, sampleOf, type TableView } from './preview-model';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  note: { display: 'block', marginBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  label: { overflowWrap: 'anywhere' },
});

const NOT_IMPORTED = '';

/**
 * Step 2: which field each column holds, per table, as detected (or as this plan's
 * earlier imports were corrected); changing one re-runs the preview. Tables with
 * nothing mapped (a glossary, a layout table) start folded.
 */
export function ColumnMappings(props: {
  tables: readonly TableView[];
  sources: readonly ImportTable[];
  onChange: (table: string, column: number, field: ImportField | null) => void;
}) {
  const styles = useStyles();
  const open = props.tables.filter((t) => Object.keys(t.mapping.fields).length > 0).map((t) => t.name);
  return (
    <Accordion multiple collapsible defaultOpenItems={open}>
      {props.tables.map((table) => {
        const { mapping } = table;
        const source = props.sources.find((s) => s.name === table.name);
        const mapped = Object.keys(mapping.fields).length;
        return (
          <AccordionItem key={table.name} value={table.name}>
            <AccordionHeader as="h3">
              {table.name}: {table.columnCount} {table.columnCount === 1 ? 'column' : 'columns'},{' '}
              {mapped === 0
                ? 'not imported'
                : `${table.actions} ${table.actions === 1 ? 'action' : 'actions'}`}
            </AccordionHeader>
            <AccordionPanel>
              <Text size={200} className={styles.note}>
                {mapping.headerRow === null
                  ? 'No heading row found: choose what each column holds to import this table.'
                  : `Headings read from row ${mapping.headerRow}.`}
              </Text>
              <div className={styles.grid}>
                {Array.from({ length: table.columnCount }, (_, column) => {
                  const field = fieldAt(mapping, column);
                  const heading = columnName(mapping, column);
                  const sample = sampleOf(source, mapping, column);
                  const guessed = field !== null && mapping.guessed.includes(field);
                  return (
                    <Field
                      key={column}
                      label={{
                        children: heading === `column ${column + 1}` ? `Column ${column + 1}` : heading,
                        className: styles.label,
                      }}
                      hint={
                        guessed
                          ? 'Guessed from where it sits: check it'
                          : sample
                            ? `For example: ${sample}`
                            : undefined
                      }
                    >
                      <Select
                        value={field ?? NOT_IMPORTED}
                        onChange={(_, data) =>
                          props.onChange(
                            table.name,
                            column,
                            IMPORT_FIELDS.find((f) => f === data.value) ?? null,
                          )
                        }
                      >
                        <option value={NOT_IMPORTED}>Not imported</option>
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {IMPORT_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  );
                })}
              </div>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
