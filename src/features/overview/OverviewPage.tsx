import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { londonDate, resolveScale, rollupByPriority } from '../../domain';
import { paths } from '../../shared/paths';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { useTeams } from '../../teams/TeamsProvider';
import { PlanSwitcher } from './PlanSwitcher';
import { PriorityCard } from './PriorityCard';
import { usePlanOverview } from './use-plan-overview';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/** The plan at a glance: one card per improvement priority. */
export function OverviewPage(props: { planId: string | null }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { ready } = useTeams();
  const overview = usePlanOverview(props.planId);
  const data = overview.data;
  const today = londonDate(new Date());
  const view = useMemo(() => {
    if (!data) return null;
    const scale = resolveScale(data.plan.scaleId, data.plan.columnOrder);
    return { scale, rollups: rollupByPriority(data.priorities, data.actions, data.milestones, scale, today) };
  }, [data, today]);
  useEffect(() => {
    if (data) ready();
  }, [data, ready]);

  if (overview.isPending) return <Spinner label="Loading the plan…" />;
  if (overview.isError) return <ErrorMessage error={overview.error} />;
  if (!data || !view) return null;
  return (
    <main className={styles.page}>
      <div className={styles.heading}>
        <div>
          <Text as="h1" size={600} weight="semibold" block className={styles.title}>
            {data.plan.title}
          </Text>
          <Text as="p" block className={styles.meta}>
            {data.plan.planType} · {data.plan.localArea} · {data.actions.length} actions
            {data.plan.governanceBoard ? ` · reports to the ${data.plan.governanceBoard}` : ''}
          </Text>
        </div>
        <PlanSwitcher
          plans={data.plans}
          current={data.plan}
          onChange={(id) => void navigate(paths.overview(id))}
        />
      </div>
      <section className={styles.grid} aria-label="Improvement priorities">
        {data.priorities.map((priority, i) => {
          const rollup = view.rollups[i];
          return rollup ? (
            <PriorityCard
              key={priority.id}
              priority={priority}
              rollup={rollup}
              scale={view.scale}
              boardHref={paths.board(data.plan.id, priority.id)}
            />
          ) : null;
        })}
      </section>
    </main>
  );
}
