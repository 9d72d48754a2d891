import {
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { DataProblem } from '../domain';

const useStyles = makeStyles({
  text: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** One row per item left out: where it is, which column, what is wrong, and a link to it in SharePoint. */
export function ProblemsTable(props: { problems: readonly DataProblem[] }) {
  const styles = useStyles();
  return (
    <Table aria-label="Items that do not fit the plan" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>List</TableHeaderCell>
          <TableHeaderCell>Item</TableHeaderCell>
          <TableHeaderCell>Column</TableHeaderCell>
          <TableHeaderCell>What is wrong</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.problems.map((p) => (
          <TableRow key={`${p.list}/${p.itemId}`}>
            <TableCell>{p.list}</TableCell>
            <TableCell className={styles.text}>
              {p.webUrl ? (
                <Link href={p.webUrl} target="_blank" rel="noreferrer">
                  {p.title || `Item ${p.itemId}`}
                </Link>
              ) : (
                p.title || `Item ${p.itemId}`
              )}{' '}
              <span className={styles.muted}>(item {p.itemId})</span>
            </TableCell>
            <TableCell>{p.columns.join(', ') || '—'}</TableCell>
            <TableCell className={styles.text}>{p.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
