import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { formatDate, WEAKNESS_OUTCOMES } from '../../domain';
import { carryOverPlan, NOT_MADE, revisitReadiness } from '../../domain/revisit';
import { revisitQuery, type RevisitData } from '../../plan/revisit';
import { useTeams } from '../../teams/TeamsProvider';
import { DataProblems } from '../../ui/DataProblems';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { PageSection } from '../../ui/PageSection';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { ToneBadge } from '../../ui/ToneBadge';
import { useToday } from '../../ui/use-today';
import { AcceleratedPlanForm } from './AcceleratedPlanForm';
import { AreaSection } from './AreaSection';
import { OUTCOME_TEXT, OUTCOME_TONE } from './revisit-text';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/** Each area of significant weakness with what answers it, ahead of the revisit and after it. */
export function RevisitPage(props: { planId: string }) {
  const revisit = useQuery(revisitQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={revisit} loading="Loading the plan for its revisit…" width="wide">
      {(data) => <Revisit data={data} />}
    </PageOf>
  );
}

function Revisit({ data }: { data: RevisitData }) {
  const styles = useStyles();
  const { canEdit } = useSession();
  const { ready } = useTeams();
  const today = useToday();
  useEffect(() => ready(), [ready]);
  const readiness = useMemo(() => revisitReadiness({ ...data, asOf: today }), [data, today]);
  const carry = useMemo(() => carryOverPlan(data), [data]);
  const { plan } = data;

  return (
    <>
      <header className={styles.header}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Revisit readiness
        </Text>
        <Text as="p" className={styles.meta}>
          {plan.title} · {plan.localArea}
          {plan.inspectionDate ? ` · Inspected ${formatDate(plan.inspectionDate)}` : ''}
        </Text>
      </header>
      <DataProblems problems={data.problems} />
      <PageSection title="Areas by outcome">
        <ul className={styles.counts} aria-label="Areas of weakness by outcome">
          {WEAKNESS_OUTCOMES.map((outcome) => (
            <li key={outcome}>
              <ToneBadge tone={OUTCOME_TONE[outcome]} size="medium">
                {OUTCOME_TEXT[outcome]}: {readiness.outcomeCounts[outcome]}
              </ToneBadge>
            </li>
          ))}
        </ul>
      </PageSection>
      {canEdit && readiness.outcomeCounts[NOT_MADE] > 0 ? (
        <AcceleratedPlanForm plan={plan} carry={carry} />
      ) : null}
      {readiness.areas.length === 0 ? (
        <Notice intent="info">
          This plan has no areas of weakness yet: add them on the plan’s structure page.
        </Notice>
      ) : (
        readiness.areas.map((area) => (
          <AreaSection
            key={area.weakness.id}
            area={area}
            scale={data.scale}
            planId={plan.id}
            canEdit={canEdit}
          />
        ))
      )}
    </>
  );
}
