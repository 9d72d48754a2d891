import { Avatar, Badge, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link as RouterLink } from 'react-router';
import {
  formatDate,
  type Milestone,
  type Priority,
  type PriorityRollup,
  type RatingScale,
} from '../../domain';
import { RatingBar } from '../../ui/RatingBar';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  headline: { color: tokens.colorNeutralForeground2 },
  title: { margin: 0 },
  titleLink: {
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

export function PriorityCard(props: {
  priority: Priority;
  rollup: PriorityRollup;
  scale: RatingScale;
  boardHref: string;
}) {
  const styles = useStyles();
  const { priority, rollup } = props;
  const next: Milestone | null = rollup.nextMilestone;
  const headingId = `priority-${priority.id}-title`;
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" size={400} id={headingId} className={styles.title}>
            <RouterLink to={props.boardHref} className={styles.titleLink}>
              {priority.label}: {priority.title}
            </RouterLink>
          </Text>
        }
        description={
          priority.lead ? (
            <Text size={200}>
              Lead: {priority.lead.displayName}
              {priority.lead.agency ? `, ${priority.lead.agency}` : ''}
            </Text>
          ) : (
            <Text size={200}>No priority lead yet</Text>
          )
        }
        image={priority.lead ? <Avatar name={priority.lead.displayName} size={32} aria-hidden /> : undefined}
      />
      {priority.headline && <Text className={styles.headline}>{priority.headline}</Text>}
      <RatingBar
        counts={rollup.counts}
        scale={props.scale}
        label={`${rollup.counts.total} actions by rating`}
      />
      <div className={styles.facts}>
        <Badge appearance="tint" color={rollup.overdueActions ? 'danger' : 'subtle'}>
          {rollup.overdueActions} overdue {rollup.overdueActions === 1 ? 'action' : 'actions'}
        </Badge>
        <Badge appearance="tint" color={rollup.overdueMilestones ? 'danger' : 'subtle'}>
          {rollup.overdueMilestones} overdue {rollup.overdueMilestones === 1 ? 'milestone' : 'milestones'}
        </Badge>
        <Badge appearance="tint" color="informative">
          {next ? `Next milestone ${formatDate(next.dueDate, next.dueDatePrecision)}` : 'No milestone due'}
        </Badge>
      </div>
    </Card>
  );
}
