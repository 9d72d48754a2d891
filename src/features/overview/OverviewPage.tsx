import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { AppLink } from '../../ui/AppLink';
import { resolveScale, rollupByPriority } from '../../domain';
import { overviewQuery, type PlanOverviewData } from '../../plan/overview';
import { DataProblems } from '../../ui/DataProblems';
import { ExportRegister } from '../../ui/ExportRegister';
import { PageOf } from '../../ui/Page';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useToday } from '../../ui/use-today';
import { useTeams } from '../../teams/TeamsProvider';
import { PlanSwitcher } from './PlanSwitcher';
import { PriorityCard } from './PriorityCard';

const useStyles = makeStyles({
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

/** The plan at a glance: one card per improvement priority. */
export function OverviewPage(props: { planId: string | null }) {
  const overview = useQuery(overviewQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={overview} loading="Loading the plan…">
      {(data) => <Overview data={data} />}
    </PageOf>
  );
}

function Overview({ data }: { data: PlanOverviewData }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { ready } = useTeams();
  const { canEdit } = useSession();
  const today = useToday();
  const view = useMemo(() => {
    const scale = resolveScale(data.plan.scaleId, data.plan.columnOrder);
    return { scale, rollups: rollupByPriority(data.priorities, data.actions, data.milestones, scale, today) };
  }, [data, today]);
  useEffect(() => ready(), [ready]);

  return (
    <>
      <div className={styles.heading}>
        <div>
          <Text as="h1" size={600} weight="semibold" block className={styles.title}>
            {data.plan.title}
          </Text>
          <Text as="p" block className={styles.meta}>
            {data.plan.planType} · {data.plan.localArea} · {data.actions.length} actions
            {data.plan.governanceBoard ? ` · reports to the ${data.plan.governanceBoard}` : ''}
          </Text>
          <nav className={styles.links} aria-label="The plan's set-up">
            <AppLink to={paths.structure(data.plan.id)}>Plan structure</AppLink>
            {canEdit && <AppLink to={paths.newPlan()}>New plan</AppLink>}
          </nav>
        </div>
        <PlanSwitcher
          plans={data.plans}
          current={data.plan}
          onChange={(id) => void navigate(paths.overview(id))}
        />
      </div>
      <div className={styles.tools}>
        {canEdit && <AppLink to={paths.importPlan(data.plan.id)}>Import a plan</AppLink>}
        <ExportRegister planId={data.plan.id} />
      </div>
      <DataProblems problems={data.problems} />
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
    </>
  );
}
