import { Avatar, makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatDate, isActionOverdue, type Action, type IsoDate, type RatingScale } from '../../domain';
import { RatingBadge } from '../../ui/RatingBadge';
import { describeLead } from './display';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  text: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  fact: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  overdue: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The action's reference, text and the facts a reader looks for first. */
export function ActionHeader(props: { action: Action; scale: RatingScale; today: IsoDate }) {
  const styles = useStyles();
  const { action, scale } = props;
  const overdue = isActionOverdue(action, scale, props.today);
  return (
    <header className={styles.header}>
      <Text as="h1" size={700} weight="semibold" className={styles.heading}>
        Action {action.reference}
      </Text>
      <Text as="p" className={styles.text}>
        {action.text}
      </Text>
      <div className={styles.facts}>
        <RatingBadge scale={scale} rating={action.status} />
        <span className={styles.fact}>
          {action.lead && <Avatar name={action.lead.displayName} size={24} aria-hidden />}
          <Text>Lead: {describeLead(action)}</Text>
        </span>
        <Text>
          {action.dueDate ? `Due ${formatDate(action.dueDate, action.dueDatePrecision)}` : 'No due date'}
          {overdue && <span className={styles.overdue}> (overdue)</span>}
        </Text>
      </div>
    </header>
  );
}
