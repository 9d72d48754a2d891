import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link as RouterLink } from 'react-router';
import { resolveScale } from '../../domain';
import { actionDetailQuery, type ActionDetailData } from '../../plan/action-detail';
import { DataProblems } from '../../ui/DataProblems';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useToday } from '../../ui/use-today';
import { useTeams } from '../../teams/TeamsProvider';
import { ActionBreadcrumb } from './ActionBreadcrumb';
import { ActionEditor } from './ActionEditor';
import { ActionHeader } from './ActionHeader';
import { ActionReadOnly } from './ActionReadOnly';
import { MilestoneList } from './MilestoneList';
import { ProgressTimeline } from './ProgressTimeline';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 960px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** One action with its own URL (deep-linkable): every field, its milestones and its history. */
export function ActionPage(props: { actionId: string }) {
  const detail = useQuery(actionDetailQuery(usePlanStore(), props.actionId));
  return (
    <PageOf read={detail} loading="Loading the action…" width="wide">
      {(data) => <ActionDetail detail={data} />}
    </PageOf>
  );
}

function ActionDetail({ detail }: { detail: ActionDetailData }) {
  const styles = useStyles();
  const session = useSession();
  const { ready } = useTeams();
  const today = useToday();
  useEffect(() => ready(), [ready]);

  const { action, plan, priority, milestones, updates, archived } = detail;
  const scale = resolveScale(plan.scaleId, plan.columnOrder);
  // An archived action is kept for the record: it is read, not worked on.
  const canEdit = session.canEdit && !archived;
  return (
    <>
      <ActionBreadcrumb plan={plan} priority={priority} action={action} />
      <ActionHeader action={action} scale={scale} today={today} />
      {archived && (
        <Notice intent="warning" title="Archived">
          This action is archived{action.archived ? '' : ' with its focus area or priority'}: it is kept for
          the record, but left out of the plan’s boards, overview, My work and reminders. To change it,
          restore it in the <RouterLink to={paths.structure(plan.id)}>plan’s structure</RouterLink>.
        </Notice>
      )}
      <DataProblems problems={detail.problems} />
      <div className={styles.columns}>
        {canEdit ? (
          <ActionEditor detail={detail} scale={scale} />
        ) : (
          <ActionReadOnly action={action} scale={scale} refused={!archived && session.role !== 'visitor'} />
        )}
        <div className={styles.side}>
          <MilestoneList action={action} milestones={milestones} today={today} canEdit={canEdit} />
          <ProgressTimeline updates={updates} scale={scale} />
        </div>
      </div>
    </>
  );
}
