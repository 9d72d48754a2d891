import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AppLink } from '../../ui/AppLink';
import type { Priority, Stored } from '../../domain';
import type { ImportOutcome, ImportSummary as Summary } from '../../plan/import/import-write';
import { describeError } from '../../ui/ErrorMessage';
import { Notice } from '../../ui/Notice';
import { paths } from '../../ui/paths';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  count: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  figure: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  item: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  boards: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Step 5: what was created, updated, left as it was, skipped and not written, each with its reason. */
export function ImportSummary(props: {
  summary: Summary;
  mappingError: unknown;
  priorities: readonly Stored<Priority>[];
  planId: string;
  onResume: () => void;
  onRestart: () => void;
}) {
  const styles = useStyles();
  const { summary } = props;
  const lists: { key: string; title: string; items: ImportOutcome[] }[] = [
    { key: 'created', title: 'Created', items: summary.created },
    { key: 'updated', title: 'Updated', items: summary.updated },
    { key: 'skipped', title: 'Skipped', items: summary.skipped },
    { key: 'failed', title: 'Not written', items: summary.failed },
  ];
  const boards = props.priorities.filter((p) => !p.archived);

  return (
    <div className={styles.root}>
      {summary.cancelled ? (
        <Notice intent="warning" title="Import cancelled">
          {plural(summary.notWritten, 'item was', 'items were')} not written. Resume to write them: what was
          written already is matched by reference and not written twice.
        </Notice>
      ) : summary.failed.length > 0 ? (
        <Notice intent="warning" title="Import finished, with items not written">
          {plural(summary.failed.length, 'item')} could not be written: see why below, then import the file
          again to write them.
        </Notice>
      ) : (
        <Notice intent="success" title="Import finished">
          The plan now has the file’s actions.
        </Notice>
      )}
      <dl className={styles.counts} aria-label="What the import did">
        {[
          ['Created', summary.created.length],
          ['Updated', summary.updated.length],
          ['Unchanged', summary.unchanged],
          ['Skipped', summary.skipped.length],
          ['Not written', summary.failed.length + summary.notWritten],
        ].map(([term, figure]) => (
          <div key={term} className={styles.count}>
            <dt className={styles.muted}>{term}</dt>
            <dd className={styles.figure}>{figure}</dd>
          </div>
        ))}
      </dl>
      {props.mappingError !== null && (
        <Notice intent="warning" title="Column choices not remembered">
          The next import will detect the columns again: {describeError(props.mappingError).detail}
        </Notice>
      )}
      <Accordion multiple collapsible defaultOpenItems={['skipped', 'failed']}>
        {lists
          .filter((list) => list.items.length > 0)
          .map((list) => (
            <AccordionItem key={list.key} value={list.key}>
              <AccordionHeader as="h3">
                {list.title} ({list.items.length})
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list} aria-label={list.title}>
                  {list.items.map((item, i) => (
                    <li key={i} className={styles.item}>
                      {describeOutcome(item)}
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
      </Accordion>
      <div className={styles.buttons}>
        {summary.cancelled && (
          <Button appearance="primary" onClick={props.onResume}>
            Resume the import
          </Button>
        )}
        <Button onClick={props.onRestart}>Import another file</Button>
      </div>
      {boards.length > 0 && (
        <nav aria-label="The plan's boards">
          <Text as="h3" weight="semibold" block>
            See the boards
          </Text>
          <ul className={styles.boards}>
            {boards.map((priority) => (
              <li key={priority.id}>
                <AppLink to={paths.board(props.planId, priority.id)}>
                  {priority.label}: {priority.title}
                </AppLink>
              </li>
            ))}
            <li>
              <AppLink to={paths.overview(props.planId)}>The plan at a glance</AppLink>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}

/** "Action 1.1.2 (Table 1, row 4): due date, rating" */
function describeOutcome(item: ImportOutcome): string {
  const what = item.what === 'area of weakness' ? 'Area of weakness' : capitalise(item.what);
  const where = item.place ? ` (${item.place.table}, row ${item.place.row})` : '';
  return `${what} ${item.reference}${where}${item.detail ? `: ${item.detail}` : ''}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
