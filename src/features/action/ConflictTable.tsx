import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ConflictRow } from './conflict-diff';

const useStyles = makeStyles({
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** What is stored now beside what this person would save, field by field. */
export function ConflictTable(props: { rows: readonly ConflictRow[] }) {
  const styles = useStyles();
  return (
    <>
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
    </>
  );
}
