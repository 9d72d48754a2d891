import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { AppLink } from '../../ui/AppLink';
import { formatDate, type Action, type FocusArea, type Priority, type Stored } from '../../domain';
import { nextActionReference } from '../../domain/structure';
import { paths } from '../../ui/paths';
import { ActionForm } from './ActionForm';
import { ArchivedGroup } from './ArchivedGroup';
import { ItemControls } from './ItemControls';
import { useStructure } from './structure-context';
import type { Split } from './structure-model';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  facts: { color: tokens.colorNeutralForeground2 },
  add: { alignSelf: 'flex-start' },
});

/** The actions of a focus area (or of a priority with none), in reference order, with Add action. */
export function ActionList(props: {
  priority: Stored<Priority>;
  focusArea: Stored<FocusArea> | null;
  actions: Split<Stored<Action>>;
}) {
  const styles = useStyles();
  const { data, canEdit } = useStructure();
  const [adding, setAdding] = useState(false);
  const { priority, focusArea } = props;
  const where = focusArea ? `focus area ${focusArea.reference}` : `priority ${priority.number}`;
  return (
    <>
      {props.actions.inUse.length > 0 && (
        <ol className={styles.list} aria-label={`Actions of ${where}`}>
          {props.actions.inUse.map((action) => (
            <ActionItem key={action.id} action={action} />
          ))}
        </ol>
      )}
      <ArchivedGroup label={`actions of ${where}`} count={props.actions.archived.length}>
        {props.actions.archived.map((action) => (
          <ActionItem key={action.id} action={action} />
        ))}
      </ArchivedGroup>
      {canEdit &&
        (adding ? (
          <ActionForm
            place={{ priorityId: priority.id, focusAreaId: focusArea?.id ?? null }}
            nextReference={nextActionReference(data, priority, focusArea)}
            onClose={() => setAdding(false)}
          />
        ) : (
          <Button
            className={styles.add}
            size="small"
            icon={<AddRegular />}
            aria-label={`Add an action to ${where}`}
            onClick={() => setAdding(true)}
          >
            Add action
          </Button>
        ))}
    </>
  );
}

function ActionItem({ action }: { action: Stored<Action> }) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className={styles.item}>
        <ActionForm action={action} onClose={() => setEditing(false)} />
      </li>
    );
  }
  const facts = [
    action.dueDate ? `Due ${formatDate(action.dueDate, action.dueDatePrecision)}` : 'No due date',
    action.governanceForum ? `Reports to ${action.governanceForum}` : null,
  ].filter(Boolean);
  return (
    <li className={styles.item}>
      <Text>
        <AppLink to={paths.action(action.id)} aria-label={`Open action ${action.reference}`}>
          {action.reference}
        </AppLink>{' '}
        {action.text}
      </Text>
      <Text size={200} className={styles.facts}>
        {facts.join(' · ')}
      </Text>
      <ItemControls
        target={{ kind: 'action', id: action.id }}
        name={`action ${action.reference}`}
        archived={action.archived}
        onEdit={() => setEditing(true)}
      />
    </li>
  );
}
