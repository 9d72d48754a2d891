import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo } from 'react';
import { findRating, formatDate, type Action } from '../../domain';
import type { Stored } from '../../graph/mapping';
import { useSession } from '../../shared/session';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { LiveRegion, useAnnouncer } from '../../shared/ui/LiveRegion';
import { RatingChangePrompts } from '../../shared/ui/RatingChangePrompts';
import { useRatingChange } from '../../shared/ui/use-rating-change';
import { useTeams } from '../../teams/TeamsProvider';
import { scaleOf, SOON_DAYS, type WorkItem } from './my-work-model';
import { MyWorkItem } from './MyWorkItem';
import { useMyWork } from './use-my-work';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '1100px',
  },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

const GROUPS = [
  { key: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  {
    key: 'soon',
    title: `Due in the next ${SOON_DAYS} days`,
    empty: `Nothing due in the next ${SOON_DAYS} days.`,
  },
  { key: 'later', title: 'Later', empty: 'Nothing else open.' },
] as const;

/** "What is mine and what is due": the signed-in person's actions and milestones, with a quick update. */
export function MyWorkPage() {
  const styles = useStyles();
  const session = useSession();
  const { query, data, groups, today } = useMyWork(session.person.upn);
  const { message, announce } = useAnnouncer();
  const plans = data?.plans;
  const scaleFor = useCallback((planId: string) => scaleOf(plans ?? [], planId), [plans]);
  const requireNoteFor = useCallback(
    (planId: string) => plans?.find((p) => p.id === planId)?.requireProgressNote ?? true,
    [plans],
  );
  const flow = useRatingChange({
    ratingLabel: (action, rating) => findRating(scaleFor(action.planId), rating)?.label ?? rating,
    announce,
  });
  const { start } = flow;
  const onUpdate = useCallback((action: Stored<Action>) => start(action, action.status), [start]);
  const planTitles = useMemo(() => new Map((plans ?? []).map((p) => [p.id, p.title])), [plans]);
  const manyPlans = planTitles.size > 1;
  const { ready } = useTeams();
  useEffect(() => {
    if (data) ready();
  }, [data, ready]);

  if (query.isPending) return <Spinner className={styles.page} label="Loading your work…" />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (!groups) return null;
  const renderItem = (item: WorkItem) => (
    <MyWorkItem
      key={item.key}
      item={item}
      scale={scaleFor(item.action.planId)}
      planTitle={manyPlans ? (planTitles.get(item.action.planId) ?? null) : null}
      today={today}
      canEdit={session.canEdit}
      saving={flow.moving.has(item.action.id)}
      onUpdate={onUpdate}
    />
  );
  return (
    <main className={styles.page}>
      <div>
        <Text as="h1" size={600} weight="semibold" block className={styles.title}>
          My work
        </Text>
        <Text as="p" block className={styles.muted}>
          Actions and milestones led by {session.person.displayName}, as of {formatDate(today)}.
          {groups.completedActions > 0 &&
            ` ${groups.completedActions} completed ${groups.completedActions === 1 ? 'action is' : 'actions are'} not listed.`}
        </Text>
      </div>
      <RatingChangePrompts flow={flow} scaleFor={scaleFor} requireNoteFor={requireNoteFor} />
      {GROUPS.map((group) => {
        const items = groups[group.key];
        const headingId = `my-work-${group.key}`;
        return (
          <section key={group.key} className={styles.section} aria-labelledby={headingId}>
            <Text as="h2" size={500} weight="semibold" id={headingId} className={styles.heading}>
              {group.title} ({items.length})
            </Text>
            {items.length ? (
              <ul className={styles.list}>{items.map(renderItem)}</ul>
            ) : (
              <Text className={styles.muted}>{group.empty}</Text>
            )}
          </section>
        );
      })}
      <LiveRegion message={message} />
    </main>
  );
}
