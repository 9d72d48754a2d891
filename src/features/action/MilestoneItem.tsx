import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  formatDate,
  formatDateTime,
  type Action,
  type IsoDate,
  type Milestone,
  type Stored,
} from '../../domain';
import { useMutation } from '@tanstack/react-query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { MILESTONE_STATUS_LABELS, milestoneStatus, type MilestoneStatus } from './milestone-rules';
import { MoveMilestoneDialog } from './MoveMilestoneDialog';
import { useMilestoneCommands } from './use-milestone-commands';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: { overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  changes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
});

const BADGE_COLOURS: Record<MilestoneStatus, 'success' | 'danger' | 'informative'> = {
  completed: 'success',
  overdue: 'danger',
  open: 'informative',
};

export function MilestoneItem(props: {
  milestone: Stored<Milestone>;
  action: Pick<Action, 'status'>;
  today: IsoDate;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const { milestone, today } = props;
  const complete = useMutation(useMilestoneCommands().complete);
  const status = milestoneStatus(milestone, today);
  const due = formatDate(milestone.dueDate, milestone.dueDatePrecision);
  return (
    <li className={styles.item}>
      <div className={styles.top}>
        <Text weight="semibold" className={styles.title}>
          {milestone.title}
        </Text>
        <Badge className={styles.badge} appearance="tint" color={BADGE_COLOURS[status]} shape="rounded">
          {MILESTONE_STATUS_LABELS[status]}
        </Badge>
      </div>
      <div className={styles.meta}>
        <Text className={styles.secondary}>
          {milestone.completedOn
            ? `Due ${due}; completed ${formatDate(milestone.completedOn)}`
            : `Due ${due}`}
        </Text>
      </div>
      {props.canEdit && status !== 'completed' && (
        <div className={styles.actions}>
          <Button
            size="small"
            aria-label={`Mark complete: ${milestone.title}`}
            disabled={complete.isPending}
            onClick={() => complete.mutate({ milestone, action: props.action, on: today })}
          >
            Mark complete
          </Button>
          <MoveMilestoneDialog milestone={milestone} action={props.action} />
        </div>
      )}
      {complete.isError && <ErrorMessage error={complete.error} />}
      {milestone.dateChanges.length > 0 && (
        <section aria-label={`Date changes of ${milestone.title}`}>
          <Text size={200} weight="semibold">
            Date changes
          </Text>
          <ol className={styles.changes}>
            {milestone.dateChanges.map((change) => (
              <li key={`${change.changedAt}|${change.to}`}>
                <Text size={200}>
                  Moved from {formatDate(change.from)} to {formatDate(change.to)} by {change.changedBy} on{' '}
                  <time dateTime={change.changedAt}>{formatDateTime(change.changedAt)}</time>: {change.reason}
                </Text>
              </li>
            ))}
          </ol>
        </section>
      )}
    </li>
  );
}
