import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { londonDate, resolveScale } from '../../domain';
import { useSession } from '../../shared/session';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { useTeams } from '../../teams/TeamsProvider';
import { ActionBreadcrumb } from './ActionBreadcrumb';
import { ActionEditor } from './ActionEditor';
import { ActionHeader } from './ActionHeader';
import { ActionReadOnly } from './ActionReadOnly';
import { MilestoneList } from './MilestoneList';
import { ProgressTimeline } from './ProgressTimeline';
import { useActionDetail } from './use-action-detail';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '1400px',
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalM },
  },
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
  const styles = useStyles();
  const detail = useActionDetail(props.actionId);
  const session = useSession();
  const { ready } = useTeams();
  const data = detail.data;

  useEffect(() => {
    if (data) ready();
  }, [data, ready]);

  if (detail.isPending) return <Spinner label="Loading the action…" />;
  if (detail.isError)
    return (
      <main className={styles.page}>
        <ErrorMessage error={detail.error} />
      </main>
    );

  const { action, plan, priority, milestones, updates } = detail.data;
  const scale = resolveScale(plan.scaleId, plan.columnOrder);
  const today = londonDate(new Date());
  return (
    <main className={styles.page}>
      <ActionBreadcrumb plan={plan} priority={priority} action={action} />
      <ActionHeader action={action} scale={scale} today={today} />
      <div className={styles.columns}>
        {session.canEdit ? (
          <ActionEditor detail={detail.data} scale={scale} />
        ) : (
          <ActionReadOnly action={action} scale={scale} refused={session.role !== 'visitor'} />
        )}
        <div className={styles.side}>
          <MilestoneList action={action} milestones={milestones} today={today} canEdit={session.canEdit} />
          <ProgressTimeline updates={updates} scale={scale} />
        </div>
      </div>
    </main>
  );
}
