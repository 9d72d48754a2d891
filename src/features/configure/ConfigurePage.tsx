import { Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { NotFoundError, ReadOnlyError } from '../../plan/errors';
import {
  sitePlansQuery,
  storeForSite,
  teamSiteQuery,
  type PlanChoice,
  type SitePlans,
  type TeamSite,
} from '../../plan/tab-setup';
import type { PlanStore } from '../../plan/store';
import { DataProblems } from '../../ui/DataProblems';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { usePlanStore } from '../../ui/store-context';
import { CreatePlanForm } from '../../ui/create-plan/CreatePlanForm';
import { NEW_PLAN, PlanChooser, PriorityChooser } from './PlanChooser';
import { TabSummary } from './TabSummary';
import { tabSettingsFor } from './tab-settings';
import { useTabSave } from './use-tab-save';
import { useTeamDialog, type TeamContext } from './use-team-context';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * A channel tab's configuration page (the manifest's configurationUrl): the
 * team's site, which plan the tab shows (or a new one) and the view it opens on.
 * Inside Teams it enables Save and saves the tab; outside Teams it shows what it
 * would save, taking the team from `?groupId=`.
 */
export function ConfigurePage() {
  const styles = useStyles();
  const { read } = useTeamDialog();
  return (
    <PageOf read={read} loading="Connecting to Teams…" width="narrow">
      {(context) => (
        <>
          <header className={styles.header}>
            <Text as="h1" size={600} weight="semibold" className={styles.title}>
              Set up the WSoA tab
            </Text>
            <Text>The tab shows one plan kept on this team’s SharePoint site.</Text>
          </header>
          {context.groupId ? (
            <TeamSiteSetup team={context} groupId={context.groupId} />
          ) : (
            <NoTeam team={context} />
          )}
        </>
      )}
    </PageOf>
  );
}

function NoTeam(props: { team: TeamContext }) {
  return props.team.inTeams ? (
    <Notice intent="warning" title="Add the tab to a team’s channel">
      A plan lives on a team’s SharePoint site, and this conversation has no team. Add the tab to a channel of
      the team whose site holds the plan.
    </Notice>
  ) : (
    <Notice intent="info" title="Outside Teams">
      Give the team’s Microsoft 365 group id in the address, as <code>?groupId=</code>, to try this page
      outside Teams.
    </Notice>
  );
}

function TeamSiteSetup(props: { team: TeamContext; groupId: string }) {
  const site = useQuery(teamSiteQuery(usePlanStore(), props.groupId));
  if (site.isPending) return <Spinner label="Finding the team’s SharePoint site…" />;
  if (site.isError) return <SiteProblem error={site.error} />;
  return <SiteSetup team={props.team} site={site.data} />;
}

function SiteProblem(props: { error: unknown }) {
  if (props.error instanceof NotFoundError)
    return (
      <Notice intent="error" title="No SharePoint site found">
        Microsoft Graph found no SharePoint site for this team.
      </Notice>
    );
  if (props.error instanceof ReadOnlyError)
    return (
      <Notice intent="error" title="No access to the team’s site">
        You can’t open this team’s SharePoint site: ask a site owner for access.
      </Notice>
    );
  return <ErrorMessage error={props.error} />;
}

function SiteSetup(props: { team: TeamContext; site: TeamSite }) {
  const styles = useStyles();
  const configured = usePlanStore();
  const store = useMemo(() => storeForSite(configured, props.site.id), [configured, props.site.id]);
  const plans = useQuery(sitePlansQuery(store));
  return (
    <section className={styles.section} aria-label="The team’s site">
      <Text>
        Team site:{' '}
        <Link href={props.site.webUrl} target="_blank" rel="noreferrer">
          {props.site.displayName}
        </Link>
      </Text>
      {plans.isPending ? (
        <Spinner label="Reading the site’s plans…" />
      ) : plans.isError ? (
        <ErrorMessage error={plans.error} />
      ) : (
        <ChoosePlan team={props.team} site={props.site} data={plans.data} store={store} />
      )}
    </section>
  );
}

function ChoosePlan(props: { team: TeamContext; site: TeamSite; data: SitePlans; store: PlanStore }) {
  const styles = useStyles();
  const [created, setCreated] = useState<PlanChoice[]>([]);
  const plans = useMemo(
    () => [...props.data.plans, ...created.filter((c) => !props.data.plans.some((p) => p.id === c.id))],
    [props.data.plans, created],
  );
  const [choice, setChoice] = useState<string | null>(() =>
    plans.length === 0 ? NEW_PLAN : plans.length === 1 ? (plans[0]?.id ?? null) : null,
  );
  const [priorityId, setPriorityId] = useState('');
  const plan = plans.find((p) => p.id === choice) ?? null;
  const priority = plan?.priorities.find((p) => p.id === priorityId) ?? null;
  const settings = useMemo(
    () =>
      plan ? tabSettingsFor({ origin: window.location.origin, siteId: props.site.id, plan, priority }) : null,
    [plan, priority, props.site.id],
  );
  const teamsProblem = useTabSave(settings, props.team.inTeams);

  return (
    <div className={styles.section}>
      <DataProblems problems={props.data.problems} />
      <PlanChooser
        plans={plans}
        value={choice}
        onChange={(value) => {
          setChoice(value);
          setPriorityId('');
        }}
      />
      {choice === NEW_PLAN ? (
        <CreatePlanForm
          store={props.store}
          listsReady={props.data.listsReady}
          guest={props.team.userTeamRole === 'guest'}
          onCreated={(plan) => {
            setCreated((current) => [...current, plan]);
            setChoice(plan.id);
            setPriorityId('');
          }}
        />
      ) : null}
      {plan ? <PriorityChooser plan={plan} value={priorityId} onChange={setPriorityId} /> : null}
      <TabSummary settings={settings} inTeams={props.team.inTeams} />
      {teamsProblem ? (
        <Notice intent="error" title="Teams did not take the settings">
          {teamsProblem}
        </Notice>
      ) : null}
    </div>
  );
}
