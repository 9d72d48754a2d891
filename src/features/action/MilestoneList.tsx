import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Action, IsoDate, Milestone, Stored } from '../../domain';
import { AddMilestoneForm } from './AddMilestoneForm';
import { MilestoneItem } from './MilestoneItem';
import { PageSection } from '../../ui/PageSection';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** The action's dated checkpoints: add, complete, and move a date only with a reason. */
export function MilestoneList(props: {
  action: Stored<Action>;
  milestones: readonly Stored<Milestone>[];
  today: IsoDate;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const { action, milestones } = props;
  return (
    <PageSection title="Milestones">
      {milestones.length === 0 ? (
        <Text className={styles.empty}>No milestones yet.</Text>
      ) : (
        <ul className={styles.list}>
          {milestones.map((m) => (
            <MilestoneItem
              key={m.id}
              milestone={m}
              action={action}
              today={props.today}
              canEdit={props.canEdit}
            />
          ))}
        </ul>
      )}
      {props.canEdit && <AddMilestoneForm action={action} />}
    </PageSection>
  );
}
