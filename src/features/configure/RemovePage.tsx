import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { useTabRemove } from './use-tab-save';
import { useTeamDialog } from './use-team-context';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
});

/**
 * The tab's removal page (its removeUrl): removing the tab leaves the plan in
 * SharePoint. Inside Teams it enables Remove, and the removal always succeeds.
 */
export function RemovePage() {
  const styles = useStyles();
  const { team, read } = useTeamDialog();
  const problem = useTabRemove(team.inTeams);
  return (
    <PageOf read={read} loading="Connecting to Teams…" width="narrow">
      {(context) => (
        <>
          <header className={styles.header}>
            <Text as="h1" size={600} weight="semibold" className={styles.title}>
              Remove the WSoA tab
            </Text>
            <Text>
              Only the tab goes. The plan, its actions, milestones and history stay in the team’s SharePoint
              lists, and the plan’s other tabs keep working. Add the tab again at any time to show it here.
            </Text>
          </header>
          {context.inTeams ? (
            <Text>
              Select <strong>Remove</strong> to remove the tab.
            </Text>
          ) : (
            <Notice intent="info" title="Outside Teams">
              Inside Teams, this page enables the Remove button and removes the tab.
            </Notice>
          )}
          {problem ? (
            <Notice intent="error" title="Teams did not answer">
              {problem}
            </Notice>
          ) : null}
        </>
      )}
    </PageOf>
  );
}
