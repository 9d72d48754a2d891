import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { findRating, formatDate, type Action, type Stored } from '../../domain';
import { myWorkQuery, type MyWorkData } from '../../plan/my-work';
import { DataProblems } from '../../ui/DataProblems';
import { LiveRegion, useAnnouncer } from '../../ui/LiveRegion';
import { PageOf } from '../../ui/Page';
import { RatingChangePrompts } from '../../ui/rating-change/RatingChangePrompts';
import { useRatingChange } from '../../ui/rating-change/use-rating-change';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useToday } from '../../ui/use-today';
import { useTeams } from '../../teams/TeamsProvider';
import { groupMyWork, scaleOf, SOON_DAYS, type WorkItem } from './my-work-model';
import { MyWorkItem } from './MyWorkItem';

const useStyles = makeStyles({
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
  const { person } = useSession();
  const work = useQuery(myWorkQuery(usePlanStore(), person.upn));
  return (
    <PageOf read={work} loading="Loading your work…" width="narrow">
      {(data) => <MyWork data={data} />}
    </PageOf>
  );
}

function MyWork({ data }: { data: MyWorkData }) {
  const styles = useStyles();
  const session = useSession();
  const today = useToday();
  const groups = useMemo(() => groupMyWork(data, today), [data, today]);
  const { message, announce } = useAnnouncer();
  const { plans } = data;
  const scaleFor = useCallback((planId: string) => scaleOf(plans, planId), [plans]);
  const requireNoteFor = useCallback(
    (planId: string) => plans.find((p) => p.id === planId)?.requireProgressNote ?? true,
    [plans],
  );
  const flow = useRatingChange({
    ratingLabel: (action, rating) => findRating(scaleFor(action.planId), rating)?.label ?? rating,
    announce,
  });
  const { start } = flow;
  const onUpdate = useCallback((action: Stored<Action>) => start(action, action.status), [start]);
  const planTitles = useMemo(() => new Map(plans.map((p) => [p.id, p.title])), [plans]);
  const manyPlans = planTitles.size > 1;
  const { ready } = useTeams();
  useEffect(() => ready(), [ready]);

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
    <>
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
      <DataProblems problems={data.problems} />
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
    </>
  );
}
