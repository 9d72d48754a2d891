import { Avatar, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link as RouterLink } from 'react-router';
import { formatDate, type PersonRef, type PriorityRollup, type RatingScale } from '../../domain';
import type { PriorityGlance } from '../../domain/glance';
import { AppLink } from '../../ui/AppLink';
import { DirectionBadge } from '../../ui/DirectionBadge';
import { RatingBar } from '../../ui/RatingBar';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, breakInside: 'avoid' },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  headline: { color: tokens.colorNeutralForeground2 },
  noHeadline: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  title: { margin: 0 },
  titleLink: {
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/** One improvement priority on the board view: ratings, direction of travel, headline and its figures. */
export function PriorityCard(props: {
  glance: PriorityGlance;
  lead: PersonRef | null;
  scale: RatingScale;
  boardHref: string;
  /** The live plan's figures; absent when a cycle's snapshot is shown (its figures are not links then). */
  live: PriorityRollup | undefined;
}) {
  const styles = useStyles();
  const { glance, lead, live } = props;
  const { priority, direction } = glance;
  const headingId = `priority-${priority.priorityId}-title`;
  const figure = (count: number, one: string, many: string, filter: string) => {
    const text = `${count} ${count === 1 ? one : many}`;
    return live && count > 0 ? <AppLink to={`${props.boardHref}?${filter}`}>{text}</AppLink> : text;
  };
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
          <Text size={200}>
            {lead
              ? `Lead: ${lead.displayName}${lead.agency ? `, ${lead.agency}` : ''}`
              : 'No priority lead yet'}
          </Text>
        }
        image={lead ? <Avatar name={lead.displayName} size={32} aria-hidden /> : undefined}
      />
      {priority.narrative.headline ? (
        <Text className={styles.headline}>{priority.narrative.headline}</Text>
      ) : (
        <Text className={styles.noHeadline}>No headline written for this cycle yet</Text>
      )}
      <RatingBar
        counts={glance.counts}
        scale={props.scale}
        label={`${glance.counts.total} actions by rating`}
      />
      <div>
        <DirectionBadge
          direction={direction.direction}
          detail={direction.direction === 'new' ? undefined : `${direction.up} up, ${direction.down} down`}
        />
      </div>
      <ul className={styles.facts} aria-label="Figures">
        <li>
          <Text size={200}>{figure(glance.overdue, 'action overdue', 'actions overdue', 'overdue=1')}</Text>
        </li>
        <li>
          <Text size={200}>
            {figure(
              glance.overdueMilestones,
              'overdue milestone',
              'overdue milestones',
              'overdue=milestones',
            )}
          </Text>
        </li>
        {live && (
          <li>
            <Text size={200}>
              {figure(
                live.figures.dueSoon,
                'action due in the next 14 days',
                'actions due in the next 14 days',
                'due=14',
              )}
            </Text>
          </li>
        )}
        {live && (
          <li>
            <Text size={200}>
              {live.nextMilestone
                ? `Next milestone ${formatDate(live.nextMilestone.dueDate, live.nextMilestone.dueDatePrecision)}`
                : 'No milestone due'}
            </Text>
          </li>
        )}
      </ul>
    </Card>
  );
}
