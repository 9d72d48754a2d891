import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ExceptionLine, ExceptionReason, PlanGlance } from '../../domain/glance';
import { AppLink } from '../../ui/AppLink';
import { DirectionBadge } from '../../ui/DirectionBadge';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { ToneBadge } from '../../ui/ToneBadge';
import type { RatingTone } from '../../domain';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  group: { breakInside: 'avoid', paddingBlock: tokens.spacingVerticalS },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    breakInside: 'avoid',
  },
  text: { flexBasis: '24rem', flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  reasons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const REASON_TONE: Record<ExceptionReason, RatingTone> = {
  red: 'red',
  amber: 'amber',
  overdue: 'red',
  escalated: 'purple',
  moved: 'grey',
};

/** Exception reporting: only the actions rated red or amber, overdue, escalated or whose milestones moved. */
export function ExceptionsSection(props: { glance: PlanGlance; live: boolean }) {
  const styles = useStyles();
  const { glance } = props;
  const groups = new Map<string, ExceptionLine[]>();
  for (const line of glance.exceptions) {
    const list = groups.get(line.priority.priorityId);
    if (list) list.push(line);
    else groups.set(line.priority.priorityId, [line]);
  }
  return (
    <PageSection title={`Exceptions (${glance.exceptions.length})`}>
      {glance.exceptions.length === 0 ? (
        <Text>
          No action is rated {glance.reasonLabels.red} or {glance.reasonLabels.amber}, overdue, escalated or
          moved since the last cycle.
        </Text>
      ) : (
        <ul className={styles.list}>
          {[...groups.values()].map((lines) => {
            const priority = lines[0]?.priority;
            return priority ? (
              <li key={priority.priorityId} className={styles.group}>
                <Text as="h3" weight="semibold" size={300}>
                  {priority.label}: {priority.title} ({lines.length})
                </Text>
                <ul className={styles.list}>
                  {lines.map((line) => (
                    <li key={line.action.actionId} className={styles.line}>
                      <Text className={styles.text}>
                        {props.live ? (
                          <AppLink to={paths.action(line.action.actionId)}>
                            {line.action.reference} {line.action.text}
                          </AppLink>
                        ) : (
                          `${line.action.reference} ${line.action.text}`
                        )}
                      </Text>
                      <span className={styles.reasons}>
                        {line.reasons.map((reason) => (
                          <ToneBadge key={reason} tone={REASON_TONE[reason]}>
                            {reason === 'moved' && line.moves > 1
                              ? `${line.moves} milestone moves since the last cycle`
                              : glance.reasonLabels[reason]}
                          </ToneBadge>
                        ))}
                        <DirectionBadge direction={line.direction} />
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ) : null;
          })}
        </ul>
      )}
    </PageSection>
  );
}
