import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { tabLinks } from '../../cards';
import { describeIssues, formatDateTime } from '../../domain';
import { nextRunAt, workingCalendar } from '../../domain/reminders';
import { reminderRunQuery, type ReminderInputs } from '../../plan/reminders/inputs';
import { planPosts } from '../../plan/reminders/run';
import { PageOf } from '../../ui/Page';
import { usePlanStore } from '../../ui/store-context';
import { PostPreview } from './PostPreview';
import { SendNowPanel } from './SendNowPanel';
import { Notice } from '../../ui/Notice';

const useStyles = makeStyles({
  posts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(440px, 1fr))',
    gap: tokens.spacingVerticalXL,
    alignItems: 'start',
  },
  title: { margin: 0 },
});

const REASONS = {
  'no-lead': 'the action has no lead',
  'no-priority-lead': 'the priority has no lead to escalate to',
  'no-channel': 'no channel is set for the priority',
  'missing-action': 'the milestone’s action is missing',
} as const;

/** The next morning run's cards, drawn as Teams will show them, and "Send now" for a priority. */
export function ReminderPreview(props: { planId: string }) {
  const styles = useStyles();
  const inputs = useQuery(reminderRunQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={inputs} loading="Working out the next run…">
      {(data) => (
        <>
          <Text as="h1" size={600} weight="semibold" className={styles.title}>
            Reminder preview
          </Text>
          {data.policy.policy === null ? (
            <Notice intent="warning" title="No reminders are sent: the reminder settings are not valid">
              {describeIssues(data.policy.issues)}
            </Notice>
          ) : (
            <Preview planId={props.planId} inputs={data} />
          )}
        </>
      )}
    </PageOf>
  );
}

function Preview(props: { planId: string; inputs: ReminderInputs }) {
  const styles = useStyles();
  const { inputs } = props;
  const view = useMemo(() => {
    const now = new Date();
    const policy = inputs.policy.policy;
    const next = policy ? nextRunAt(now, workingCalendar(policy.quietDays)) : now;
    const links = tabLinks({ tabUrl: window.location.origin, planId: inputs.plan.id });
    return { next, links, ...planPosts(inputs, { now: next, links }), enabled: policy?.enabled ?? false };
  }, [inputs]);
  const priorities = [...inputs.priorities].sort((a, b) => a.number - b.number);
  const reminders = view.reminders.length;
  return (
    <>
      <Text as="p">
        {inputs.plan.title}. Next run: {formatDateTime(view.next)} (London time).{' '}
        {view.enabled
          ? `${reminders} reminder${reminders === 1 ? '' : 's'} in ${view.posts.length} post${view.posts.length === 1 ? '' : 's'}.`
          : 'Reminders are turned off for this plan.'}
      </Text>
      {view.plan.unassigned.length > 0 ? (
        <Notice
          intent="warning"
          title={`${view.plan.unassigned.length} reminder${view.plan.unassigned.length === 1 ? '' : 's'} cannot be posted until the plan is fixed`}
        >
          <ul>
            {view.plan.unassigned.map((u) => (
              <li key={`${u.key}/${u.actionId ?? ''}`}>
                {[u.reference, u.title].filter(Boolean).join(' ')}: {REASONS[u.reason]}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <SendNowPanel planId={props.planId} priorities={priorities} inputs={inputs} links={view.links} />
      <Text as="h2" size={500} weight="semibold" className={styles.title}>
        The next run’s posts
      </Text>
      <section className={styles.posts} aria-label="Posts of the next run">
        {view.posts.map(({ group, cards }) => (
          <PostPreview key={group.id} group={group} cards={cards} />
        ))}
      </section>
    </>
  );
}
