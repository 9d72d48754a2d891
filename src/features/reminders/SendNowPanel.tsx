import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { tabLinks } from '../../cards';
import type { Priority } from '../../domain';
import type { DeliveryGroup } from '../../domain/reminders';
import { loadReminderInputs } from '../../graph/reminder-inputs';
import { queryKeys } from '../../shared/data/query-keys';
import { usePlanStore } from '../../shared/data/store-context';
import { useSession } from '../../shared/session';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { groupsOfPriority, sendNow } from './send-now';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  heading: { margin: 0 },
});

/**
 * "Send now" for one priority: posts what is due today (and not yet sent) to the
 * priority's channels as the signed-in person, logging it as the daily run does.
 */
export function SendNowPanel(props: {
  planId: string;
  priorities: readonly Priority[];
  /** What a run now would post, for the count shown before sending. */
  dueNow: readonly DeliveryGroup[];
}) {
  const styles = useStyles();
  const store = usePlanStore();
  const session = useSession();
  const queryClient = useQueryClient();
  const [priorityId, setPriorityId] = useState(props.priorities[0]?.id ?? '');
  const due = useMemo(() => groupsOfPriority(props.dueNow, priorityId), [props.dueNow, priorityId]);
  const reminders = due.reduce((n, g) => n + g.reminders.length, 0);
  const send = useMutation({
    mutationFn: async () =>
      sendNow({
        store,
        // Read afresh: the daily run may have sent some of these since the page loaded.
        inputs: await loadReminderInputs(store, props.planId),
        priorityId,
        person: session.person,
        now: new Date(),
        links: tabLinks({ tabUrl: window.location.origin, planId: props.planId }),
      }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.reminderRun(props.planId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.channelMessages() }),
      ]);
    },
  });

  return (
    <section className={styles.panel} aria-labelledby="send-now">
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
          onClick={() => send.mutate()}
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
      {send.data ? (
        <MessageBar intent={send.data.problems.length ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            Posted {send.data.posts} post{send.data.posts === 1 ? '' : 's'} ({send.data.reminders} reminder
            {send.data.reminders === 1 ? '' : 's'})
            {send.data.skipped ? `; ${send.data.skipped} already being sent by another run` : ''}.
            {send.data.problems.length ? ` Not posted: ${send.data.problems.join('; ')}.` : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
