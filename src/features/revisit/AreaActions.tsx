import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { IMPACT_LABELS, SUSTAINED_LABELS, type Action, type RatingScale } from '../../domain';
import { AppLink } from '../../ui/AppLink';
import { paths } from '../../ui/paths';
import { RatingBadge } from '../../ui/RatingBadge';
import { ToneBadge } from '../../ui/ToneBadge';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The actions answering an area, one line each: reference, text, lead and their three ratings in words. */
export function AreaActions(props: { actions: readonly Action[]; scale: RatingScale; label: string }) {
  const styles = useStyles();
  if (props.actions.length === 0) return <Text>No actions yet.</Text>;
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.actions.map((action) => (
        <li key={action.id} className={styles.item}>
          <Text>
            <AppLink to={paths.action(action.id)} aria-label={`Open action ${action.reference}`}>
              {action.reference}
            </AppLink>{' '}
            {action.text}
          </Text>
          <Text size={200} className={styles.muted}>
            Lead: {action.lead?.displayName ?? (action.leadAsWritten || 'none yet')}
          </Text>
          <div className={styles.badges}>
            <RatingBadge scale={props.scale} rating={action.status} prefix="Progress" />
            <ToneBadge tone={action.impactRating ?? 'grey'}>
              Impact: {action.impactRating ? IMPACT_LABELS[action.impactRating] : 'not rated'}
            </ToneBadge>
            <ToneBadge tone={action.sustainedRating ?? 'grey'}>
              Sustained: {action.sustainedRating ? SUSTAINED_LABELS[action.sustainedRating] : 'not rated'}
            </ToneBadge>
          </div>
        </li>
      ))}
    </ul>
  );
}
