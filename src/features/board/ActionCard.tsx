import { Avatar, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ReOrderDotsVertical16Regular, Warning12Filled } from '@fluentui/react-icons';
import { memo, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { findRating, IMPACT_LABELS, SUSTAINED_LABELS, type RatingScale } from '../../domain';
import { paths } from '../../ui/paths';
import { RATING_TONE_STYLES } from '../../ui/rating-tones';
import { ToneBadge } from '../../ui/ToneBadge';
import type { CardView } from './board-model';
import { useInteractiveParts } from './interactive';
import { MoveButton } from './MoveButton';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    boxShadow: tokens.shadow2,
    ':focus-within': { boxShadow: tokens.shadow8 },
    breakInside: 'avoid',
  },
  draggable: { cursor: 'grab' },
  dragging: { opacity: 0.5 },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  handle: { color: tokens.colorNeutralForeground3, paddingTop: '2px', flexShrink: 0 },
  title: {
    flexGrow: 1,
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  reference: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForegroundLink },
  text: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  lead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  leadText: { minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface ActionCardProps {
  card: CardView;
  /** The column it shows in (differs from the stored rating while a move waits for its note). */
  rating: string;
  scale: RatingScale;
  canEdit: boolean;
  saving: boolean;
  /** Changes when the board asks this card to take focus (keyboard moves, arrow keys). */
  focusNonce: number | undefined;
  describedBy: string;
  onMove: (actionId: string, rating: string) => void;
}

/** One action on the board. Memoised: a move re-renders the moved card, not its neighbours. */
export const ActionCard = memo(function ActionCard(props: ActionCardProps) {
  const styles = useStyles();
  const { card, canEdit, scale } = props;
  const { action } = card;
  const { cardRef, linkRef, dragging, CardMenu } = useCardBehaviour(props);
  const tone = RATING_TONE_STYLES[findRating(scale, props.rating)?.tone ?? 'grey'];
  return (
    <div
      ref={cardRef}
      data-card-id={action.id}
      aria-busy={props.saving || undefined}
      className={mergeClasses(styles.card, canEdit && styles.draggable, dragging && styles.dragging)}
      style={{ borderLeftColor: tone.border }}
    >
      <div className={styles.top}>
        {canEdit && <ReOrderDotsVertical16Regular className={styles.handle} aria-hidden />}
        <Link
          ref={linkRef}
          to={paths.action(action.id)}
          className={styles.title}
          data-card-link
          draggable={false}
          aria-describedby={props.describedBy}
        >
          <span className={styles.reference}>{action.reference}</span>{' '}
          <span className={styles.text}>{action.text}</span>
        </Link>
        {canEdit &&
          (CardMenu ? (
            <CardMenu
              reference={action.reference}
              rating={props.rating}
              scale={scale}
              onMove={(rating) => props.onMove(action.id, rating)}
            />
          ) : (
            <MoveButton reference={action.reference} disabledFocusable />
          ))}
      </div>
      {!action.lead && action.leadAsWritten && (
        <Text size={200} block className={styles.muted}>
          {action.leadAsWritten}
        </Text>
      )}
      {action.lead && (
        <div className={styles.lead}>
          <Avatar name={action.lead.displayName} size={24} color="colorful" aria-hidden />
          <div className={styles.leadText}>
            <Text size={200} block>
              {action.lead.displayName}
            </Text>
            {action.lead.agency && (
              <Text size={100} block className={styles.muted}>
                {action.lead.agency}
              </Text>
            )}
          </div>
        </div>
      )}
      <div className={styles.row}>
        {(card.overdue || card.overdueMilestones > 0) && (
          <ToneBadge tone="red">
            <Warning12Filled aria-hidden />
            {overdueText(card)}
          </ToneBadge>
        )}
        {card.dueLabel && <Text size={200}>Due {card.dueLabel}</Text>}
        {card.next && (
          <Text size={200} className={styles.muted} title={card.next.title}>
            Next milestone {card.next.label}
          </Text>
        )}
      </div>
      {(action.impactRating || action.sustainedRating) && (
        <div className={styles.row}>
          {action.impactRating && (
            <ToneBadge
              tone={action.impactRating}
            >{`Impact: ${IMPACT_LABELS[action.impactRating]}`}</ToneBadge>
          )}
          {action.sustainedRating && (
            <ToneBadge tone={action.sustainedRating}>
              {`Sustained: ${SUSTAINED_LABELS[action.sustainedRating]}`}
            </ToneBadge>
          )}
        </div>
      )}
      <Text size={100} className={styles.muted}>
        {props.saving ? 'Saving…' : card.updatedLabel}
      </Text>
    </div>
  );
});

/** Focus when the board asks; pointer dragging and the menu once their code has loaded (editors only). */
function useCardBehaviour(props: ActionCardProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const [dragging, setDragging] = useState(false);
  const interactive = useInteractiveParts();
  const dnd = interactive?.dnd ?? null;
  const id = props.card.id;

  useEffect(() => {
    if (props.focusNonce !== undefined) linkRef.current?.focus();
  }, [props.focusNonce]);

  useEffect(() => {
    const element = cardRef.current;
    if (!dnd || !props.canEdit || !element) return;
    return dnd.makeCardDraggable(element, id, setDragging);
  }, [dnd, props.canEdit, id]);

  return { cardRef, linkRef, dragging, CardMenu: interactive?.CardMenu ?? null };
}

/** "Overdue", "2 milestones overdue", "Overdue, 1 milestone overdue". */
function overdueText(card: CardView): string {
  const n = card.overdueMilestones;
  const milestones = n === 0 ? '' : `${n} ${n === 1 ? 'milestone' : 'milestones'} overdue`;
  return card.overdue ? (milestones ? `Overdue, ${milestones}` : 'Overdue') : milestones;
}
