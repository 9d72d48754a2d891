import { Badge, Button, Checkbox, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useRef, useState, type ReactNode } from 'react';
import { describeImportProblem, type ImportProblem, type ImportTable } from '../../domain/import';
import type { ColumnMapping } from '../../domain/import';
import {
  describeStatus,
  type ActionRowView,
  type LeadView,
  type RowView,
  type WriteStatus,
} from './preview-model';
import { RowEditor } from './RowEditor';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  unresolved: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  skipped: { backgroundColor: tokens.colorNeutralBackground3 },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  title: { marginRight: 'auto', overflowWrap: 'anywhere' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS, minWidth: 0, overflowWrap: 'anywhere' },
  term: { color: tokens.colorNeutralForeground2, flexShrink: 0 },
  definition: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  problems: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXXS },
  problem: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'flex-start',
    overflowWrap: 'anywhere',
  },
  errorIcon: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: '2px' },
  edit: { alignSelf: 'flex-start' },
});

/** One row of the source as what it becomes, with its problems, a skip box and, to fix it, its cells to edit. */
export function PreviewRow(props: {
  row: RowView;
  table: ImportTable | undefined;
  mapping: ColumnMapping;
  onSkip: (skipped: boolean) => void;
  onEdit: (cells: ReadonlyMap<number, string>) => void;
}) {
  const styles = useStyles();
  const { row } = props;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const where = `row ${row.place.row} of ${row.place.table}`;
  const name = `Row ${row.place.row} of ${row.place.table}, ${titleOf(row)}`;
  const hasError = row.problems.some((p) => p.severity === 'error');
  const canSkip = row.kind !== 'note' || hasError;
  // A row the mapping leaves out is put right on the mapping screen; one with an error, here.
  const canEdit = row.kind !== 'note' || hasError;
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <li
      aria-label={name}
      className={mergeClasses(styles.row, row.unresolved && styles.unresolved, row.skipped && styles.skipped)}
    >
      <div className={styles.top}>
        <Text weight="semibold" className={styles.title}>
          Row {row.place.row} · {titleOf(row)}
        </Text>
        {row.kind !== 'note' && <StatusBadge status={statusOfRow(row)} unresolved={row.unresolved} />}
        {canSkip && (
          <Checkbox
            label="Skip"
            aria-label={`Skip ${where}`}
            checked={row.skipped}
            onChange={(_, data) => props.onSkip(data.checked === true)}
          />
        )}
      </div>
      {row.kind === 'action' && <ActionFacts row={row} />}
      {row.kind === 'heading' &&
        row.items.map((item) => (
          <Text key={`${item.what}${item.reference}`} className={styles.text}>
            {item.what} {item.reference}: {item.title}
            {item.status.kind === 'update' || item.status.kind === 'skipped' ? (
              <span className={styles.muted}> ({reasonOf(item.status)})</span>
            ) : null}
          </Text>
        ))}
      {row.kind === 'action' && row.status.kind === 'skipped' && !row.unresolved && (
        <Text size={200} className={styles.muted}>
          Not imported: {row.status.reason}
        </Text>
      )}
      {row.kind === 'action' && row.status.kind === 'update' && (
        <Text size={200} className={styles.muted}>
          Changes: {row.status.changed.join(', ')}
        </Text>
      )}
      {row.problems.length > 0 && (
        <ul className={styles.problems} aria-label={`Problems in ${where}`}>
          {row.problems.map((p, i) => (
            <ProblemLine key={i} problem={p} />
          ))}
        </ul>
      )}
      {editing ? (
        <RowEditor
          table={props.table}
          mapping={props.mapping}
          row={row.place.row}
          problems={row.problems}
          onApply={(cells) => {
            props.onEdit(cells);
            close();
          }}
          onCancel={close}
        />
      ) : (
        canEdit && (
          <Button
            ref={editButton}
            size="small"
            className={styles.edit}
            aria-label={`Edit ${where}`}
            onClick={() => setEditing(true)}
          >
            Edit row
          </Button>
        )
      )}
    </li>
  );
}

function ActionFacts(props: { row: ActionRowView }) {
  const styles = useStyles();
  const { row } = props;
  return (
    <>
      <Text className={styles.text}>{row.text || <em>No action text</em>}</Text>
      <dl className={styles.facts}>
        <Fact term="Lead">
          {row.leads.length === 0
            ? 'None given'
            : row.leads.map((lead, i) => (
                <span key={lead.name}>
                  {i > 0 ? '; ' : ''}
                  <Lead lead={lead} />
                </span>
              ))}
        </Fact>
        <Fact term="Due">
          {row.due ?? 'No due date'}
          {row.secondDate ? `; ${row.secondDate} kept as a milestone` : ''}
        </Fact>
        <Fact term="Rating">{row.rating ?? 'Not given'}</Fact>
      </dl>
      {row.opens.length > 0 && (
        <Text size={200} className={styles.muted}>
          Also{' '}
          {row.opens
            .map(
              (item) =>
                `${item.what.toLowerCase()} ${item.reference} ${item.title} (${describeStatus(item.status).toLowerCase()})`,
            )
            .join('; ')}
        </Text>
      )}
    </>
  );
}

function Fact(props: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{props.term}:</dt>
      <dd className={styles.definition}>{props.children}</dd>
    </div>
  );
}

function Lead(props: { lead: LeadView }) {
  const styles = useStyles();
  const { lead } = props;
  const note = lead.person
    ? lead.person.displayName === lead.name
      ? 'found in the directory'
      : `found in the directory as ${lead.person.displayName}`
    : lead.lookedUp
      ? 'not found in the directory: kept as written'
      : 'kept as written';
  return (
    <>
      {lead.name} <span className={styles.muted}>({note})</span>
    </>
  );
}

function ProblemLine(props: { problem: ImportProblem }) {
  const styles = useStyles();
  const { problem } = props;
  const error = problem.severity === 'error';
  return (
    <li className={styles.problem}>
      {error ? (
        <ErrorCircle16Filled className={styles.errorIcon} aria-hidden />
      ) : (
        <Warning16Filled className={styles.warningIcon} aria-hidden />
      )}
      <Text size={200}>
        <strong>{error ? 'Error' : 'Warning'}:</strong> {describeImportProblem(problem)}
      </Text>
    </li>
  );
}

function StatusBadge(props: { status: WriteStatus | null; unresolved: boolean }) {
  const { status } = props;
  if (props.unresolved)
    return (
      <Badge appearance="tint" color="danger">
        Fix or skip
      </Badge>
    );
  if (!status) return null;
  const color = ({ create: 'brand', update: 'informative', same: 'subtle', skipped: 'warning' } as const)[
    status.kind
  ];
  const label = status.kind === 'update' ? 'Update' : describeStatus(status);
  return (
    <Badge appearance="tint" color={color}>
      {label}
    </Badge>
  );
}

function titleOf(row: RowView): string {
  if (row.kind === 'action') return `Action ${row.reference || '(no reference)'}`;
  if (row.kind === 'heading') return row.items.map((item) => `${item.what} ${item.reference}`).join(', ');
  return 'Not imported';
}

/** An action's status, or the first heading item's (a row naming an area and its focus area shows the area's). */
function statusOfRow(row: RowView): WriteStatus | null {
  if (row.kind === 'action') return row.status;
  if (row.kind === 'heading') return row.items[0]?.status ?? null;
  return null;
}

function reasonOf(status: WriteStatus): string {
  if (status.kind === 'update') return `updates ${status.changed.join(', ')}`;
  if (status.kind === 'skipped') return `not imported: ${status.reason}`;
  return describeStatus(status).toLowerCase();
}
