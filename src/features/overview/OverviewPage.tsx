import { Button, Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '../../domain';
import { frozenCycles } from '../../plan/cycles';
import { glanceQuery, type GlanceData } from '../../plan/glance';
import { AppLink } from '../../ui/AppLink';
import { DataProblems } from '../../ui/DataProblems';
import { ExportRegister } from '../../ui/ExportRegister';
import { PageOf } from '../../ui/Page';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useToday } from '../../ui/use-today';
import { useTeams } from '../../teams/TeamsProvider';
import { glanceView } from './glance-model';
import { ExceptionsSection } from './ExceptionsSection';
import { OffTrajectorySection, TopRisksSection } from './MeasuresAndRisks';
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
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    '@media print': { display: 'none' },
  },
  choosers: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    '@media print': { display: 'none' },
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(340px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(420px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  printOnly: { display: 'none', '@media print': { display: 'block' } },
});

/** The board view: the whole plan on one screen, read-only, for a pinned tab and a projector. */
export function OverviewPage(props: { planId: string | null; cycleId: string | null }) {
  const glance = useQuery(glanceQuery(usePlanStore(), props.planId, props.cycleId));
  return (
    <PageOf read={glance} loading="Loading the plan…">
      {(data) => <Overview data={data} cycleId={props.cycleId} />}
    </PageOf>
  );
}

function Overview({ data, cycleId }: { data: GlanceData; cycleId: string | null }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { ready } = useTeams();
  const { canEdit } = useSession();
  const today = useToday();
  const { overview, pair } = data;
  const { plan } = overview;
  const view = useMemo(() => glanceView(data, today, new Date()), [data, today]);
  useEffect(() => ready(), [ready]);
  const leads = new Map(overview.priorities.map((p) => [p.id, p.lead]));
  const frozen = frozenCycles(overview.cycles);
  const showing = pair.cycle
    ? `${pair.cycle.title} (snapshot of ${formatDate(pair.snapshot?.asOf ?? pair.cycle.meetingDate)})`
    : 'The plan as it stands today';
  const go = (next: { plan?: string; cycle?: string | null }) => {
    const params = new URLSearchParams({ plan: next.plan ?? plan.id });
    const cycle = next.cycle === undefined ? cycleId : next.cycle;
    if (cycle) params.set('cycle', cycle);
    void navigate(`/?${params.toString()}`);
  };

  return (
    <>
      <div className={styles.heading}>
        <div>
          <Text as="h1" size={600} weight="semibold" block className={styles.title}>
            {plan.title}
          </Text>
          <Text as="p" block className={styles.meta}>
            {plan.planType} · {plan.localArea} · {overview.actions.length} actions
            {plan.governanceBoard ? ` · reports to the ${plan.governanceBoard}` : ''}
          </Text>
          <Text as="p" block className={styles.meta}>
            {showing}
            {pair.previousCycle
              ? `, compared with ${pair.previousCycle.title}`
              : ' (no earlier snapshot to compare with)'}
          </Text>
          <Text as="p" block className={styles.printOnly}>
            Printed {formatDateTime(new Date())}
          </Text>
          <nav className={styles.links} aria-label="The plan's pages">
            <AppLink to={paths.cycles(plan.id)}>Reporting cycles and report packs</AppLink>
            <AppLink to={paths.measures(plan.id)}>Measures</AppLink>
            <AppLink to={paths.risks(plan.id)}>Risks</AppLink>
            <AppLink to={paths.revisit(plan.id)}>Revisit readiness</AppLink>
            <AppLink to={paths.structure(plan.id)}>Plan structure</AppLink>
            {canEdit && <AppLink to={paths.importPlan(plan.id)}>Import a plan</AppLink>}
            {canEdit && <AppLink to={paths.newPlan()}>New plan</AppLink>}
          </nav>
        </div>
        <div className={styles.choosers}>
          <PlanSwitcher
            plans={overview.plans}
            current={plan}
            onChange={(id) => go({ plan: id, cycle: null })}
          />
          {frozen.length > 0 && (
            <Field label="Show">
              <Dropdown
                value={pair.cycle?.title ?? 'Today (live)'}
                selectedOptions={[pair.cycle?.id ?? '']}
                onOptionSelect={(_, d) => go({ cycle: d.optionValue || null })}
              >
                <Option value="" text="Today (live)">
                  Today (live)
                </Option>
                {[...frozen].reverse().map((c) => (
                  <Option key={c.id} value={c.id} text={c.title}>
                    {c.title}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          <Button icon={<PrintRegular />} onClick={() => window.print()}>
            Print
          </Button>
          <ExportRegister planId={plan.id} />
        </div>
      </div>
      <DataProblems problems={overview.problems} />
      <section aria-label="Improvement priorities" className={styles.grid}>
        {view.glance.priorities.map((p) => (
          <PriorityCard
            key={p.priority.priorityId}
            glance={p}
            lead={leads.get(p.priority.priorityId) ?? null}
            scale={view.scale}
            boardHref={paths.board(plan.id, p.priority.priorityId)}
            live={view.live?.get(p.priority.priorityId)}
          />
        ))}
      </section>
      {view.glance.priorities.length === 0 && (
        <PageSection title="No priorities yet">
          <Text>
            This plan has no improvement priority yet: add them on the plan structure page or import the plan.
          </Text>
        </PageSection>
      )}
      <ExceptionsSection glance={view.glance} live={view.live !== null} />
      <div className={styles.pair}>
        <OffTrajectorySection glance={view.glance} measuresHref={paths.measures(plan.id)} />
        <TopRisksSection glance={view.glance} risksHref={paths.risks(plan.id)} />
      </div>
    </>
  );
}
