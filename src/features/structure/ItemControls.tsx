import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArchiveRegular,
  ArrowDownRegular,
  ArrowUpRegular,
  ArrowUndoRegular,
  EditRegular,
} from '@fluentui/react-icons';
import { placeAmongSiblings, type StructureTarget } from '../../domain/structure';
import { useStructure } from './structure-context';

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** The DOM id of an item's Move up / Move down button, to put focus back on it after a move. */
export function moveButtonId(target: StructureTarget, direction: 'up' | 'down'): string {
  return `structure-move-${target.kind}-${target.id}-${direction}`;
}

/**
 * An item's buttons, each naming the item for screen readers ("Move priority 2
 * up"): Edit, Move up, Move down and Archive; an archived item only has Restore.
 */
export function ItemControls(props: {
  target: StructureTarget;
  /** "priority 2", "action 2.1.3". */
  name: string;
  archived: boolean;
  onEdit?: () => void;
}) {
  const styles = useStyles();
  const { data, canEdit, act, busy } = useStructure();
  if (!canEdit) return null;
  const { target, name } = props;
  if (props.archived) {
    return (
      <div className={styles.controls}>
        <Button
          size="small"
          icon={<ArrowUndoRegular />}
          disabledFocusable={busy}
          aria-label={`Restore ${name}`}
          onClick={() => void act({ do: 'restore', data, target })}
        >
          Restore
        </Button>
      </div>
    );
  }
  const { index, count } = placeAmongSiblings(data, target);
  const move = (offset: number) => void act({ do: 'move', data, target, offset }, target);
  return (
    <div className={styles.controls}>
      {props.onEdit && (
        <Button size="small" icon={<EditRegular />} aria-label={`Edit ${name}`} onClick={props.onEdit}>
          Edit
        </Button>
      )}
      <Button
        size="small"
        id={moveButtonId(target, 'up')}
        icon={<ArrowUpRegular />}
        disabled={index <= 0}
        disabledFocusable={busy}
        aria-label={`Move ${name} up`}
        onClick={() => move(-1)}
      >
        Move up
      </Button>
      <Button
        size="small"
        id={moveButtonId(target, 'down')}
        icon={<ArrowDownRegular />}
        disabled={index < 0 || index >= count - 1}
        disabledFocusable={busy}
        aria-label={`Move ${name} down`}
        onClick={() => move(1)}
      >
        Move down
      </Button>
      <Button
        size="small"
        icon={<ArchiveRegular />}
        disabledFocusable={busy}
        aria-label={`Archive ${name}`}
        onClick={() => void act({ do: 'archive', data, target })}
      >
        Archive
      </Button>
    </div>
  );
}
