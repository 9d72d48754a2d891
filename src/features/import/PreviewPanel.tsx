import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ImportTable } from '../../domain/import';
import { describeImportProblem } from '../../domain/import';
import { Notice } from '../../ui/Notice';
import type { PreviewView } from './preview-model';
import { PreviewRow } from './PreviewRow';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  totals: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  table: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  rows: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  confirm: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Step 3: the totals, then every row as what it becomes, table by table; rows with
 * errors are fixed in place or skipped; nothing is written before the button.
 */
export function PreviewPanel(props: {
  view: PreviewView;
  sources: readonly ImportTable[];
  updating: boolean;
  onSkip: (keys: readonly string[], skipped: boolean) => void;
  onEdit: (table: string, row: number, cells: ReadonlyMap<number, string>) => void;
  onImport: () => void;
}) {
  const styles = useStyles();
  const reasonId = useId();
  const { totals } = props.view;
  const blocked = totals.unresolved > 0 || totals.writes === 0;
  const label =
    totals.actionWrites > 0
      ? `Import ${plural(totals.actionWrites, 'action')}`
      : `Import ${plural(totals.writes, 'item')}`;

  return (
    <div className={styles.root} aria-busy={props.updating}>
      <div className={styles.totals} role="group" aria-label="Totals">
        <Text weight="semibold">
          {plural(totals.actions, 'action')} in {plural(totals.tables, 'table')}: {totals.create} new,{' '}
          {totals.update} to update, {totals.same} unchanged, {totals.notImported} not imported
        </Text>
        <Text className={styles.muted}>
          {plural(totals.areas, 'area')} and {plural(totals.focusAreas, 'focus area')} to write ·{' '}
          {plural(totals.errors, 'error')} · {plural(totals.warnings, 'warning')}
        </Text>
        {props.updating && <Spinner size="tiny" label="Updating the preview…" labelPosition="after" />}
      </div>
      {totals.unresolved > 0 && (
        <Notice intent="error" title={`${plural(totals.unresolved, 'row has', 'rows have')} errors`}>
          Fix each in place (Edit row) or skip it; a row with an error is never written.{' '}
          <Button size="small" onClick={() => props.onSkip(props.view.unresolvedKeys, true)}>
            Skip every row with an error
          </Button>
        </Notice>
      )}
      {props.view.tables.map((table) => {
        // A table whose columns are all left out (a glossary, a layout table): its rows are counted, not listed.
        const leftOut = Object.keys(table.mapping.fields).length === 0;
        const rows = leftOut ? table.rows.filter((r) => r.kind !== 'note' || r.unresolved) : table.rows;
        const hidden = table.rows.length - rows.length;
        return (
          <section key={table.name} className={styles.table} aria-label={`Preview of ${table.name}`}>
            <Text as="h3" size={400} weight="semibold" className={styles.heading}>
              {table.name}
            </Text>
            {table.problems.map((p, i) => (
              <Notice key={i} intent={p.severity === 'error' ? 'warning' : 'info'}>
                {describeImportProblem(p)}
              </Notice>
            ))}
            {hidden > 0 && (
              <Text className={styles.muted}>
                {plural(hidden, 'row')} with content not imported: choose what its columns hold under “2.
                Check the columns” to import {hidden === 1 ? 'it' : 'them'}.
              </Text>
            )}
            {rows.length > 0 && (
              <ol className={styles.rows} aria-label={`Rows of ${table.name}`}>
                {rows.map((row) => (
                  <PreviewRow
                    key={row.key}
                    row={row}
                    table={props.sources.find((s) => s.name === table.name)}
                    mapping={table.mapping}
                    onSkip={(skipped) => props.onSkip([row.key], skipped)}
                    onEdit={(cells) => props.onEdit(table.name, row.place.row, cells)}
                  />
                ))}
              </ol>
            )}
          </section>
        );
      })}
      <div className={styles.confirm}>
        <Button
          appearance="primary"
          disabledFocusable={blocked || props.updating}
          aria-describedby={reasonId}
          onClick={props.onImport}
        >
          {label}
        </Button>
        <Text id={reasonId} className={styles.muted}>
          {totals.unresolved > 0
            ? `Fix or skip the ${plural(totals.unresolved, 'row')} with errors first.`
            : totals.writes === 0
              ? 'Nothing to import: the plan already has every row as the file gives it.'
              : 'Nothing is written to the plan until you press Import.'}
        </Text>
      </div>
    </div>
  );
}
