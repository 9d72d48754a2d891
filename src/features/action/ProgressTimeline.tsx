import { Avatar, makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatDateTime, type ProgressUpdate, type RatingScale } from '../../domain';
import { RatingBadge } from '../../ui/RatingBadge';
import { PageSection } from '../../ui/PageSection';
import { VisuallyHidden } from '../../ui/VisuallyHidden';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
    position: 'relative',
  },
  rail: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXS,
    '::after': {
      content: '""',
      flexGrow: 1,
      width: tokens.strokeWidthThick,
      backgroundColor: tokens.colorNeutralStroke2,
    },
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  who: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  when: { color: tokens.colorNeutralForeground2 },
  change: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3 },
});

const KIND_WORDS: Record<ProgressUpdate['kind'], string> = {
  rating: 'Rating changed',
  milestone: 'Milestone',
  note: 'Progress note',
};

/** The action's progress history, newest first: who, when (London time), from -> to, and the note. */
export function ProgressTimeline(props: { updates: readonly ProgressUpdate[]; scale: RatingScale }) {
  const styles = useStyles();
  return (
    <PageSection title="Progress history">
      {props.updates.length === 0 ? (
        <Text className={styles.empty}>No progress updates yet.</Text>
      ) : (
        <ol className={styles.list}>
          {props.updates.map((u) => (
            <li key={u.id} className={styles.item}>
              <div className={styles.rail}>
                <Avatar name={u.author.displayName} size={28} aria-hidden />
              </div>
              <div className={styles.body}>
                <div className={styles.who}>
                  <Text weight="semibold">{u.author.displayName}</Text>
                  {u.author.agency && <Text className={styles.when}>{u.author.agency}</Text>}
                </div>
                <Text size={200} className={styles.when}>
                  {KIND_WORDS[u.kind]} · <time dateTime={u.at}>{formatDateTime(u.at)}</time>
                </Text>
                {u.kind === 'rating' && (
                  <div className={styles.change}>
                    <RatingBadge scale={props.scale} rating={u.fromRating} />
                    <span aria-hidden>→</span>
                    <VisuallyHidden>to</VisuallyHidden>
                    <RatingBadge scale={props.scale} rating={u.toRating} />
                  </div>
                )}
                {u.note && <Text className={styles.note}>{u.note}</Text>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </PageSection>
  );
}
