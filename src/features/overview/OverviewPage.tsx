import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { londonDate, resolveScale, rollupByPriority } from '../../domain';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { PriorityCard } from './PriorityCard';
import { usePlanOverview } from './use-plan-overview';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/** The plan at a glance: one card per improvement priority. */
export function OverviewPage(props: { planId: string | null }) {
  const styles = useStyles();
  const overview = usePlanOverview(props.planId);
  const data = overview.data;
  const today = londonDate(new Date());
  const view = useMemo(() => {
    if (!data) return null;
    const scale = resolveScale(data.plan.scaleId, data.plan.columnOrder);
    return { scale, rollups: rollupByPriority(data.priorities, data.actions, data.milestones, scale, today) };
  }, [data, today]);

  if (overview.isPending) return <Spinner label="Loading the plan…" />;
  if (overview.isError) return <ErrorMessage error={overview.error} />;
  if (!data || !view) return null;
  return (
    <main className={styles.page}>
      <div>
        <Text as="h1" size={600} weight="semibold">
          {data.plan.title}
        </Text>
        <Text as="p">
          {data.plan.planType} · {data.plan.localArea} · {data.actions.length} actions
        </Text>
      </div>
      <section className={styles.grid} aria-label="Improvement priorities">
        {data.priorities.map((priority, i) => {
          const rollup = view.rollups[i];
          return rollup ? (
            <PriorityCard key={priority.id} priority={priority} rollup={rollup} scale={view.scale} />
          ) : null;
        })}
      </section>
    </main>
  );
}
