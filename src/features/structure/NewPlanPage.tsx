import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { AppLink } from '../../ui/AppLink';
import { CreatePlanForm } from '../../ui/create-plan/CreatePlanForm';
import { Notice } from '../../ui/Notice';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useTeams } from '../../teams/TeamsProvider';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '720px',
  },
  title: { margin: 0 },
});

/** A new plan on this site (a WSoA, or the plan that follows a revisit); then its structure, to fill in. */
export function NewPlanPage() {
  const styles = useStyles();
  const store = usePlanStore();
  const session = useSession();
  const navigate = useNavigate();
  const { ready } = useTeams();
  useEffect(() => ready(), [ready]);
  return (
    <main className={styles.page}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        New plan
      </Text>
      <AppLink to={paths.overview()}>The plan at a glance</AppLink>
      {session.canEdit ? (
        <CreatePlanForm
          store={store}
          listsReady
          guest={false}
          onCreated={(plan) => void navigate(paths.structure(plan.id))}
        />
      ) : (
        <Notice intent="info">You can view the plans on this site but not create one.</Notice>
      )}
    </main>
  );
}
