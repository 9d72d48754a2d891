import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { nextFocusAreaReference } from '../../domain/structure';
import { ActionList } from './ActionList';
import { ArchivedGroup } from './ArchivedGroup';
import { FocusAreaForm } from './FocusAreaForm';
import { FocusAreaItem } from './FocusAreaItem';
import { ItemControls } from './ItemControls';
import { PriorityForm } from './PriorityForm';
import { useStructure } from './structure-context';
import type { PriorityNode } from './structure-model';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  heading: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  add: { alignSelf: 'flex-start' },
});

/** A priority with its focus areas and their actions; archived, only its name and Restore. */
export function PriorityItem(props: { node: PriorityNode }) {
  const styles = useStyles();
  const { data, canEdit } = useStructure();
  const [editing, setEditing] = useState(false);
  const [addingFocusArea, setAddingFocusArea] = useState(false);
  const { priority, focusAreas, ownActions } = props.node;
  const name = `priority ${priority.number}`;
  const answers = priority.weaknessNumbers.length
    ? `Answers area${priority.weaknessNumbers.length === 1 ? '' : 's'} of weakness ${priority.weaknessNumbers.join(', ')}`
    : 'Answers no recorded area of weakness';
  const showOwnActions =
    ownActions.inUse.length + ownActions.archived.length > 0 || focusAreas.inUse.length === 0;

  return (
    <li className={styles.item}>
      {editing ? (
        <PriorityForm priority={priority} onClose={() => setEditing(false)} />
      ) : (
        <>
          <Text as="h3" size={400} weight="semibold" className={styles.heading}>
            {priority.label}: {priority.title}
          </Text>
          <Text size={200} className={styles.meta}>
            {answers}
            {priority.lead ? ` · Priority lead: ${priority.lead.displayName}` : ''}
          </Text>
          <ItemControls
            target={{ kind: 'priority', id: priority.id }}
            name={name}
            archived={priority.archived}
            onEdit={() => setEditing(true)}
          />
        </>
      )}
      {!priority.archived && (
        <>
          {focusAreas.inUse.length > 0 && (
            <ol className={styles.list} aria-label={`Focus areas of ${name}`}>
              {focusAreas.inUse.map((node) => (
                <FocusAreaItem key={node.focusArea.id} priority={priority} node={node} />
              ))}
            </ol>
          )}
          <ArchivedGroup label={`focus areas of ${name}`} count={focusAreas.archived.length}>
            {focusAreas.archived.map((node) => (
              <FocusAreaItem key={node.focusArea.id} priority={priority} node={node} />
            ))}
          </ArchivedGroup>
          {showOwnActions && <ActionList priority={priority} focusArea={null} actions={ownActions} />}
          {canEdit &&
            (addingFocusArea ? (
              <FocusAreaForm
                priorityId={priority.id}
                nextReference={nextFocusAreaReference(data, priority)}
                onClose={() => setAddingFocusArea(false)}
              />
            ) : (
              <Button
                className={styles.add}
                icon={<AddRegular />}
                aria-label={`Add a focus area to ${name}`}
                onClick={() => setAddingFocusArea(true)}
              >
                Add focus area
              </Button>
            ))}
        </>
      )}
    </li>
  );
}
