import { Button, makeStyles, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../domain';
import { channelMessagesQuery, teamChannelsQuery, type ChannelMessage } from '../../plan/reminders/channels';
import { flowFailuresQuery, type FlowRuns } from '../../plan/reminders/flow-runs';
import { useFlowRuns } from '../../ui/flow-runs-context';
import { reminderSettingsQuery } from '../../plan/reminders/policy';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageOf } from '../../ui/Page';
import { usePlanStore } from '../../ui/store-context';
import { AdaptiveCardView } from './AdaptiveCardView';
import { Notice } from '../../ui/Notice';

const useStyles = makeStyles({
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { color: tokens.colorNeutralForeground3 },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  title: { margin: 0 },
});

/** What has been posted in each channel of the plan's team, newest first, cards drawn as Teams shows them. */
export function ChannelPreviewPage(props: { planId: string }) {
  const styles = useStyles();
  const settings = useQuery(reminderSettingsQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={settings} loading="Loading the channels…">
      {(data) => {
        const teamId = data.policy.policy?.channels.find((c) => c.teamId !== null)?.teamId ?? null;
        return (
          <>
            <Text as="h1" size={600} weight="semibold" className={styles.title}>
              Channel preview
            </Text>
            {teamId === null ? (
              <Notice intent="info">
                None of this plan’s reminder channels names its team. Add the team and channel ids in the
                reminder settings to see what has been posted.
              </Notice>
            ) : (
              <TeamChannels teamId={teamId} planChannels={data.policy.policy?.channels ?? []} />
            )}
          </>
        );
      }}
    </PageOf>
  );
}

function TeamChannels(props: { teamId: string; planChannels: readonly { channelId: string | null }[] }) {
  const store = usePlanStore();
  const { teamId } = props;
  const channels = useQuery(teamChannelsQuery(store, teamId));
  const ids = channels.data?.map((c) => c.id) ?? [];
  const everyChannel = useQueries({ queries: ids.map((id) => channelMessagesQuery(store, teamId, id)) });
  const counts = new Map(ids.map((id, i) => [id, everyChannel[i]?.data]));
  const [picked, setPicked] = useState<string | null>(null);
  // Until one is picked: the first of the plan's channels with posts, else the first of its channels.
  const planChannelIds = props.planChannels.flatMap((c) =>
    c.channelId !== null && ids.includes(c.channelId) ? [c.channelId] : [],
  );
  const chosen =
    picked ??
    planChannelIds.find((id) => (counts.get(id)?.messages.length ?? 0) > 0) ??
    planChannelIds[0] ??
    ids[0] ??
    null;

  if (channels.isPending) return <Spinner label="Loading the channels…" />;
  if (channels.isError) return <ErrorMessage error={channels.error} />;
  return (
    <>
      <TabList
        selectedValue={chosen ?? ''}
        onTabSelect={(_, d) => setPicked(String(d.value))}
        aria-label="Channels"
      >
        {channels.data.map((c) => {
          const loaded = counts.get(c.id);
          const count = loaded ? ` (${loaded.messages.length}${loaded.more ? '+' : ''})` : '';
          return (
            <Tab key={c.id} value={c.id}>
              {c.displayName}
              {count}
            </Tab>
          );
        })}
      </TabList>
      {chosen === null ? (
        <Text>The team has no channels.</Text>
      ) : (
        <ChannelMessages teamId={teamId} channelId={chosen} />
      )}
    </>
  );
}

function ChannelMessages(props: { teamId: string; channelId: string }) {
  const styles = useStyles();
  const messages = useQuery(channelMessagesQuery(usePlanStore(), props.teamId, props.channelId));
  if (messages.isPending) return <Spinner label="Loading the messages…" />;
  if (messages.isError) return <ErrorMessage error={messages.error} />;
  const list = messages.data.messages;
  return (
    <>
      <div className={styles.toolbar}>
        <Text>
          {list.length === 0
            ? 'Nothing has been posted in this channel yet.'
            : `${list.length}${messages.data.more ? '+' : ''} message${list.length === 1 ? '' : 's'}, newest first.`}
        </Text>
        <Button onClick={() => void messages.refetch()} disabled={messages.isFetching}>
          Refresh
        </Button>
      </div>
      <FlowFailures channelId={props.channelId} />
      <ol className={styles.messages} aria-label="Messages">
        {list.map((m) => (
          <li key={m.id} className={styles.message}>
            <MessageView message={m} />
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * A Workflows webhook answers 202 before its flow runs, so a card the flow then
 * cannot post (a private channel, too large, the connector throttled) is never
 * reported back to the sender.
 */
function FlowFailures(props: { channelId: string }) {
  const flowRuns = useFlowRuns();
  if (flowRuns === null) {
    return (
      <Text>
        Reminder cards reach this channel through a Teams Workflows flow, which accepts them before it posts
        them. A card the flow could not post shows only in the flow’s run history in Power Automate.
      </Text>
    );
  }
  return <LocalFlowFailures flowRuns={flowRuns} channelId={props.channelId} />;
}

function LocalFlowFailures(props: { flowRuns: FlowRuns; channelId: string }) {
  const failures = useQuery(flowFailuresQuery(props.flowRuns, props.channelId));
  if (failures.isError) return <ErrorMessage error={failures.error} />;
  const list = failures.data ?? [];
  if (list.length === 0) return null;
  return (
    <Notice
      intent="warning"
      title={`The Workflows flow accepted ${list.length === 1 ? 'a card' : `${list.length} cards`} for this channel but could not post ${list.length === 1 ? 'it' : 'them'}`}
    >
      <ul>
        {list.map((f, i) => (
          <li key={i}>
            {formatDateTime(f.time)}: {f.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function MessageView({ message }: { message: ChannelMessage }) {
  const styles = useStyles();
  const who = message.from?.displayName || 'Unknown sender';
  const mentions = message.mentions.map((m) => `@${m.mentionText}`).join(' ');
  return (
    <>
      <Text className={styles.meta}>
        {who} · {formatDateTime(message.createdDateTime)}
        {mentions ? ` · ${mentions}` : ''}
      </Text>
      {message.cards.map((card, i) => (
        <AdaptiveCardView key={i} card={card} label={`Card ${i + 1} of the message from ${who}`} />
      ))}
      {message.unreadableCards > 0 ? (
        <Text>
          {message.unreadableCards} attachment{message.unreadableCards === 1 ? ' is' : 's are'} not a card
          this preview can read.
        </Text>
      ) : null}
      {message.cards.length === 0 && message.unreadableCards === 0 ? (
        <Text>{plainText(message.body.content)}</Text>
      ) : null}
    </>
  );
}

/** A text message's words, without its HTML. */
function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}
