import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { BoardColumnView, BoardLaneView } from './board-model';
import { BoardColumn, type BoardColumnProps } from './BoardColumn';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    overflowX: 'auto',
    paddingBottom: tokens.spacingVerticalS,
  },
  lanes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  lane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  laneTitle: { margin: 0 },
  empty: { color: tokens.colorNeutralForeground2 },
});

type Shared = Omit<BoardColumnProps, 'column' | 'headingLevel'>;

/** The columns, or one row of columns per focus area when swimlanes are on. */
export function BoardGrid(props: {
  columns: BoardColumnView[];
  lanes: BoardLaneView[] | null;
  shared: Shared;
}) {
  const styles = useStyles();
  if (props.lanes) {
    if (props.lanes.length === 0) return <Text className={styles.empty}>No action matches the filters.</Text>;
    return (
      <div className={styles.lanes}>
        {props.lanes.map((lane) => (
          <section key={lane.id ?? 'none'} className={styles.lane} aria-label={lane.title}>
            <Text as="h2" size={400} weight="semibold" className={styles.laneTitle}>
              {lane.title}
            </Text>
            <div className={styles.row}>
              {lane.columns.map((column) => (
                <BoardColumn
                  key={column.key ?? 'unrated'}
                  column={column}
                  headingLevel="h3"
                  {...props.shared}
                />
              ))}
            </div>
          </section>
        ))}
      </div>
    );
  }
  return (
    <div className={styles.row}>
      {props.columns.map((column) => (
        <BoardColumn key={column.key ?? 'unrated'} column={column} headingLevel="h2" {...props.shared} />
      ))}
    </div>
  );
}
