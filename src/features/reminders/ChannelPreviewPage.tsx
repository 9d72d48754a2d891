import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { formatDateTime } from '../../domain';
import type { ChannelMessage } from '../../graph/channel-messages';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { AdaptiveCardView } from './AdaptiveCardView';
import {
  useChannelMessages,
  useEveryChannelsMessages,
  useReminderSettings,
  useTeamChannels,
} from './use-reminder-data';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
  },
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
  const settings = useReminderSettings(props.planId);
  const policy = settings.data?.policy.policy ?? null;
  const teamId = policy?.channels.find((c) => c.teamId !== null)?.teamId ?? null;
  const channels = useTeamChannels(teamId);
  const ids = channels.data?.map((c) => c.id) ?? [];
  const everyChannel = useEveryChannelsMessages(teamId ?? '', teamId === null ? [] : ids);
  const counts = new Map(ids.map((id, i) => [id, everyChannel[i]?.data]));
  const [picked, setPicked] = useState<string | null>(null);
  // Until one is picked: the first of the plan's channels with posts, else the first of its channels.
  const planChannelIds = (policy?.channels ?? []).flatMap((c) =>
    c.channelId !== null && ids.includes(c.channelId) ? [c.channelId] : [],
  );
  const chosen =
    picked ??
    planChannelIds.find((id) => (counts.get(id)?.messages.length ?? 0) > 0) ??
    planChannelIds[0] ??
    ids[0] ??
    null;

  if (settings.isPending) return <Spinner label="Loading the channels…" />;
  if (settings.isError) return <ErrorMessage error={settings.error} />;
  return (
    <main className={styles.page}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        Channel preview
      </Text>
      {teamId === null ? (
        <MessageBar intent="info">
          <MessageBarBody>
            None of this plan’s reminder channels names its team. Add the team and channel ids in the reminder
            settings to see what has been posted.
          </MessageBarBody>
        </MessageBar>
      ) : channels.isPending ? (
        <Spinner label="Loading the channels…" />
      ) : channels.isError ? (
        <ErrorMessage error={channels.error} />
      ) : (
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
          <ChannelMessages teamId={teamId} channelId={chosen} />
        </>
      )}
    </main>
  );
}

function ChannelMessages(props: { teamId: string; channelId: string | null }) {
  const styles = useStyles();
  const messages = useChannelMessages(props.teamId, props.channelId);
  if (props.channelId === null) return <Text>The team has no channels.</Text>;
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
