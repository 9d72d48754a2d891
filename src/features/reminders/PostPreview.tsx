import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AdaptiveCard } from '../../cards';
import type { DeliveryGroup } from '../../domain/reminders';
import { AdaptiveCardView } from './AdaptiveCardView';

const useStyles = makeStyles({
  post: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const CARD_WORDS: Record<DeliveryGroup['card'], string> = {
  'lead-reminders': 'Reminders',
  escalation: 'Escalation',
  'exceptions-digest': 'Board digest',
};

/** One post of the next run: where it goes, to whom, and its card(s) as Teams will show them. */
export function PostPreview(props: { group: DeliveryGroup; cards: readonly AdaptiveCard[] }) {
  const styles = useStyles();
  const { group } = props;
  const who = group.recipient?.displayName ?? 'the board';
  return (
    <section
      className={styles.post}
      aria-label={`${CARD_WORDS[group.card]} for ${who} in ${group.channel.name || group.channel.key}`}
    >
      <div className={styles.heading}>
        <Text weight="semibold">
          {group.channel.name || group.channel.key} → {who}
        </Text>
        <Badge appearance="tint" color={group.card === 'escalation' ? 'danger' : 'brand'}>
          {CARD_WORDS[group.card]}
        </Badge>
        {group.reminders.some((r) => r.attempt === 'resume') ? (
          <Badge appearance="tint" color="warning">
            Resuming an unfinished post
          </Badge>
        ) : null}
      </div>
      {props.cards.map((card, i) => (
        <AdaptiveCardView
          key={i}
          card={card}
          label={`${CARD_WORDS[group.card]} card for ${who}${props.cards.length > 1 ? `, part ${i + 1}` : ''}`}
        />
      ))}
    </section>
  );
}
