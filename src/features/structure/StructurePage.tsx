import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AppLink } from '../../ui/AppLink';
import { formatDate, RATING_SCALES } from '../../domain';
import { type StructureTarget } from '../../domain/structure';
import type { StructureCommand } from '../../plan/structure/mutations';
import { structureQuery, type PlanStructureData } from '../../plan/structure/load';
import { DataProblems } from '../../ui/DataProblems';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LiveRegion, useAnnouncer } from '../../ui/LiveRegion';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useTeams } from '../../teams/TeamsProvider';
import { moveButtonId } from './ItemControls';
import { PrioritySection } from './PrioritySection';
import { StructureContext, type StructureContextValue } from './structure-context';
import { currentName, structureView } from './structure-model';
import { useStructureCommand, type CommandAttempt } from './use-structure-command';
import { WeaknessSection } from './WeaknessSection';

const useStyles = makeStyles({
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/** The plan's structure, to set up and keep in order: areas of weakness, priorities, focus areas, actions. */
export function StructurePage(props: { planId: string }) {
  const structure = useQuery(structureQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={structure} loading="Loading the plan’s structure…" width="wide">
      {(data) => <Structure data={data} />}
    </PageOf>
  );
}

type Outcome = Exclude<CommandAttempt, { kind: 'saved' }>;
/** An item just moved, and the structure as it was before, to wait for the one read after. */
type MovedItem = { target: StructureTarget; before: PlanStructureData };

function Structure({ data }: { data: PlanStructureData }) {
  const styles = useStyles();
  const session = useSession();
  const { ready } = useTeams();
  useEffect(() => ready(), [ready]);
  const { message, announce } = useAnnouncer();
  const { run, pending } = useStructureCommand(data.plan.id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [moved, setMoved] = useState<MovedItem | null>(null);
  const view = useMemo(() => structureView(data), [data]);

  const act = useCallback(
    async (command: StructureCommand, focusAfter?: StructureTarget) => {
      setOutcome(null);
      const name = 'target' in command ? currentName(data, command.target.kind, command.target.id) : null;
      const attempt = await run(command);
      if (attempt.kind !== 'saved') setOutcome(attempt);
      else if (focusAfter) setMoved({ target: focusAfter, before: data });
      else if (name && command.do === 'archive') announce(`Archived ${name}`);
      else if (name && command.do === 'restore') announce(`Restored ${name}`);
      return attempt;
    },
    [data, run, announce],
  );
  useMoveFocus(data, moved, () => setMoved(null), announce);

  const context = useMemo<StructureContextValue>(
    () => ({ data, canEdit: session.canEdit, act, busy: pending, announce }),
    [data, session.canEdit, act, pending, announce],
  );
  const { plan } = data;
  const facts = [
    plan.localArea,
    plan.inspectionDate ? `Inspected ${formatDate(plan.inspectionDate)}` : 'Inspection date not recorded',
    `Rated on ${RATING_SCALES[plan.scaleId].name}`,
  ];

  return (
    <StructureContext.Provider value={context}>
      <div className={styles.heading}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Plan structure
        </Text>
        <Text as="p" size={400} className={styles.title}>
          {plan.title}
        </Text>
        <Text as="p" className={styles.meta}>
          {facts.join(' · ')}
        </Text>
        <nav className={styles.links} aria-label="Plans">
          <AppLink to={paths.overview(plan.id)}>The plan at a glance</AppLink>
          {session.canEdit && <AppLink to={paths.importPlan(plan.id)}>Import a plan</AppLink>}
          {session.canEdit && <AppLink to={paths.newPlan()}>New plan</AppLink>}
        </nav>
      </div>
      {!session.canEdit && (
        <Notice intent="info">You can view this plan’s structure but not change it.</Notice>
      )}
      {outcome?.kind === 'conflict' && (
        <Notice intent="warning" title="Someone else changed the plan’s structure">
          Nothing was changed. The page now shows their changes: try again.
        </Notice>
      )}
      {outcome?.kind === 'failed' && <ErrorMessage error={outcome.error} />}
      <DataProblems problems={data.problems} />
      <WeaknessSection weaknesses={view.weaknesses} />
      <PrioritySection priorities={view.priorities} />
      <LiveRegion message={message} />
    </StructureContext.Provider>
  );
}

/**
 * After a move the page is read again and the item sits elsewhere: focus goes back
 * to its Move button (the other one at either end) and its new number is announced.
 */
function useMoveFocus(
  data: PlanStructureData,
  moved: MovedItem | null,
  done: () => void,
  announce: (message: string) => void,
) {
  useEffect(() => {
    if (!moved || data === moved.before) return;
    const { target } = moved;
    const button = (['up', 'down'] as const)
      .map((direction) => document.getElementById(moveButtonId(target, direction)))
      .find((element) => element && !element.hasAttribute('disabled'));
    button?.focus();
    const name = currentName(data, target.kind, target.id);
    if (name) announce(`Moved: now ${name}`);
    done();
  }, [data, moved, done, announce]);
}
