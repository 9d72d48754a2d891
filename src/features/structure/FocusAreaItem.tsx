import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Priority, Stored } from '../../domain';
import { ActionList } from './ActionList';
import { FocusAreaForm } from './FocusAreaForm';
import { ItemControls } from './ItemControls';
import type { FocusAreaNode } from './structure-model';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
});

/** A focus area with its actions; archived, only its name and Restore. */
export function FocusAreaItem(props: { priority: Stored<Priority>; node: FocusAreaNode }) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const { focusArea, actions } = props.node;
  const name = `focus area ${focusArea.reference}`;
  return (
    <li className={styles.item}>
      {editing ? (
        <FocusAreaForm focusArea={focusArea} onClose={() => setEditing(false)} />
      ) : (
        <>
          <Text as="h4" weight="semibold" className={styles.heading}>
            {focusArea.reference} {focusArea.title}
          </Text>
          <ItemControls
            target={{ kind: 'focusArea', id: focusArea.id }}
            name={name}
            archived={focusArea.archived}
            onEdit={() => setEditing(true)}
          />
        </>
      )}
      {!focusArea.archived && (
        <ActionList priority={props.priority} focusArea={focusArea} actions={actions} />
      )}
    </li>
  );
}
