import { Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { CardLinks } from '../../cards';
import type { Priority } from '../../domain';
import type { ReminderInputs } from '../../plan/reminders/inputs';
import type { RunReport } from '../../plan/reminders/report';
import { planPosts } from '../../plan/reminders/run';
import { sendNowMutation } from '../../plan/reminders/send-now';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { Notice } from '../../ui/Notice';
import { useSectionStyles } from './SettingsSections';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  heading: { margin: 0 },
});

/**
 * "Send now" for one priority: the reminder run for that priority, posting what
 * is due today (and not yet sent) to its channels as the signed-in person,
 * logged as the daily run logs, so the morning run will not post it again.
 */
export function SendNowPanel(props: {
  planId: string;
  priorities: readonly Priority[];
  /** What the plan holds now, for the count shown before sending. */
  inputs: ReminderInputs;
  links: CardLinks;
}) {
  const styles = useStyles();
  const { section } = useSectionStyles();
  const session = useSession();
  const [priorityId, setPriorityId] = useState(props.priorities[0]?.id ?? '');
  const { inputs, links } = props;
  const due = useMemo(
    () => planPosts(inputs, { now: new Date(), links, priorityId }).posts,
    [inputs, links, priorityId],
  );
  const reminders = due.reduce((n, p) => n + p.group.reminders.length, 0);
  const send = useMutation(
    sendNowMutation(usePlanStore(), useQueryClient(), {
      planId: props.planId,
      person: session.person,
      links,
    }),
  );

  return (
    <section className={section} aria-labelledby="send-now">
      <Text as="h2" id="send-now" size={500} weight="semibold" className={styles.heading}>
        Send now
      </Text>
      <Text>
        Posts a priority’s reminders that are due today and not yet sent, as you, without waiting for the
        morning run. The log records them, so the morning run will not post them again.
      </Text>
      <div className={styles.row}>
        <Field label="Priority">
          <Select value={priorityId} onChange={(_, d) => setPriorityId(d.value)}>
            {props.priorities.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={!session.canEdit || send.isPending || reminders === 0}
          onClick={() => send.mutate(priorityId)}
        >
          {send.isPending ? 'Sending…' : 'Send now'}
        </Button>
      </div>
      <Text>
        {reminders === 0
          ? 'Nothing is due today for this priority that has not been sent.'
          : `${reminders} reminder${reminders === 1 ? '' : 's'} due today in ${due.length} post${due.length === 1 ? '' : 's'}.`}
      </Text>
      {!session.canEdit ? <Text>You can view this plan but not send its reminders.</Text> : null}
      {send.isError ? <ErrorMessage error={send.error} /> : null}
      {send.data ? <SentReport report={send.data} /> : null}
    </section>
  );
}

function SentReport({ report }: { report: RunReport }) {
  const { sent, skipped, failed } = report.totals;
  const reminders = report.posts.filter((p) => p.status === 'sent').reduce((n, p) => n + p.keys.length, 0);
  const failures = report.posts.filter((p) => p.status === 'failed');
  return (
    <Notice intent={failed ? 'warning' : 'success'}>
      Posted {sent} post{sent === 1 ? '' : 's'} ({reminders} reminder{reminders === 1 ? '' : 's'})
      {skipped ? `; ${skipped} already being sent by another run` : ''}.
      {failures.length
        ? ` Not posted: ${failures.map((p) => `${p.channel.name || p.channel.key}: ${p.detail ?? ''}`).join('; ')}.`
        : ''}
    </Notice>
  );
}
