import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { ConflictRow } from './conflict-diff';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** After a 412: what is stored now beside what this person would save, and the two ways on. */
export function ConflictPanel(props: {
  rows: readonly ConflictRow[];
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={titleId}>Someone else changed this action since you opened it</MessageBarTitle>
          Nothing has been saved yet and your changes are still in the form.
        </MessageBarBody>
      </MessageBar>
      <Table aria-label="Stored now and your changes" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Field</TableHeaderCell>
            <TableHeaderCell>Stored now</TableHeaderCell>
            <TableHeaderCell>Yours</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow key={row.field}>
              <TableCell>
                {row.label}
                <Text size={200} block className={styles.note}>
                  {row.changedByThem && row.changedByYou
                    ? 'Changed by both of you'
                    : row.changedByThem
                      ? 'Changed by someone else'
                      : 'Changed by you'}
                </Text>
              </TableCell>
              <TableCell className={styles.value}>{row.stored}</TableCell>
              <TableCell className={styles.value}>
                {row.changedByYou ? row.yours : 'Not changed by you: theirs is kept'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text className={styles.note}>
        Re-applying saves your changes on top of the latest version: where you both changed a field, yours is
        saved; fields only they changed keep their values.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onReapply}>
          Re-apply my changes
        </Button>
        <Button disabled={props.busy} onClick={props.onDiscard}>
          Discard my changes
        </Button>
      </div>
    </section>
  );
}
