import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  toggle: { alignSelf: 'flex-start' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    listStyleType: 'none',
    color: tokens.colorNeutralForeground2,
  },
});

/** Archived items of one group, collapsed until asked for: kept for the record, out of the way. */
export function ArchivedGroup(props: {
  /** What is archived ("priorities", "actions of focus area 2.1"), for screen readers. */
  label: string;
  count: number;
  children: ReactNode;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (props.count === 0) return null;
  return (
    <div className={styles.group}>
      <Button
        className={styles.toggle}
        appearance="subtle"
        size="small"
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={`Archived (${props.count}): ${props.label}`}
        onClick={() => setOpen((value) => !value)}
      >
        Archived ({props.count})
      </Button>
      {open && (
        <ul id={listId} className={styles.list}>
          {props.children}
        </ul>
      )}
    </div>
  );
}
