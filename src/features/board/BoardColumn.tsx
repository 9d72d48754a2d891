import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { lazy, memo, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { RatingScale } from '../../domain';
import { RATING_TONE_STYLES } from '../../ui/rating-tones';
import { ActionCard } from './ActionCard';
import type { BoardColumnView, CardView } from './board-model';
import { useInteractiveParts } from './interactive';

/** Columns longer than this render only the cards in view. */
export const VIRTUAL_FROM = 40;
const GAP_PX = 8;

const VirtualCards = lazy(() => import('./VirtualCards').then((m) => ({ default: m.VirtualCards })));

const useStyles = makeStyles({
  column: {
    flex: '1 1 0',
    minWidth: '220px',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderTopWidth: '4px',
  },
  over: {
    outline: `2px dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: '2px',
    backgroundColor: tokens.colorNeutralBackground3Hover,
  },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  count: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  scroll: {
    overflowY: 'auto',
    maxHeight: 'max(360px, calc(100vh - 250px))',
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
  list: { display: 'flex', flexDirection: 'column', gap: `${GAP_PX}px`, margin: 0, padding: 0 },
  empty: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
});

export interface BoardColumnProps {
  column: BoardColumnView;
  headingLevel: 'h2' | 'h3';
  scale: RatingScale;
  canEdit: boolean;
  /** Cards whose move is on its way to Graph. */
  saving: { has: (actionId: string) => boolean };
  focus: { id: string; nonce: number } | null;
  describedBy: string;
  onMove: (actionId: string, rating: string) => void;
  onCardKey: (event: KeyboardEvent, actionId: string, cards: readonly CardView[]) => void;
}

export const BoardColumn = memo(function BoardColumn(props: BoardColumnProps) {
  const styles = useStyles();
  const { column } = props;
  const headingId = useId();
  const { rootRef, over } = useColumnDrop(column.key, props.onMove);
  const tone = RATING_TONE_STYLES[column.rating?.tone ?? 'grey'];
  const count = column.cards.length;

  const renderCard = (card: CardView) => (
    <ActionCard
      card={card}
      rating={column.key ?? card.action.status}
      scale={props.scale}
      canEdit={props.canEdit}
      saving={props.saving.has(card.id)}
      focusNonce={props.focus?.id === card.id ? props.focus.nonce : undefined}
      describedBy={props.describedBy}
      onMove={props.onMove}
    />
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.hasAttribute('data-card-link')) return;
    const id = target.closest('[data-card-id]')?.getAttribute('data-card-id');
    if (id) props.onCardKey(event, id, column.cards);
  };

  const plain = (cards: readonly CardView[]) => (
    <div className={styles.scroll} onKeyDown={onKeyDown}>
      <div role="list" className={styles.list}>
        {cards.map((card) => (
          <div role="listitem" key={card.id}>
            {renderCard(card)}
          </div>
        ))}
      </div>
    </div>
  );

  const Heading = props.headingLevel;
  return (
    <section
      ref={rootRef}
      aria-labelledby={headingId}
      className={mergeClasses(styles.column, over && styles.over)}
      style={{ borderTopColor: tone.border }}
      data-column={column.key ?? 'unrated'}
    >
      <Heading id={headingId} className={styles.header}>
        <span>{column.label}</span>{' '}
        <span className={styles.count}>
          {count} {count === 1 ? 'action' : 'actions'}
        </span>
      </Heading>
      {count === 0 ? (
        <Text size={200} className={styles.empty}>
          No actions
        </Text>
      ) : count < VIRTUAL_FROM ? (
        plain(column.cards)
      ) : (
        // Until the virtual list's code is here, the first cards show as a plain list.
        <Suspense fallback={plain(column.cards.slice(0, VIRTUAL_FROM))}>
          <VirtualCards
            cards={column.cards}
            focus={props.focus}
            gap={GAP_PX}
            className={styles.scroll}
            onKeyDown={onKeyDown}
          >
            {renderCard}
          </VirtualCards>
        </Suspense>
      )}
    </section>
  );
});

/** The column as a drop target for dragged cards (once the drag code has loaded). */
function useColumnDrop(rating: string | null, onMove: (actionId: string, rating: string) => void) {
  const rootRef = useRef<HTMLElement>(null);
  const [over, setOver] = useState(false);
  const dnd = useInteractiveParts()?.dnd ?? null;
  useEffect(() => {
    const element = rootRef.current;
    if (!dnd || rating === null || !element) return;
    return dnd.makeColumnDropTarget(element, {
      onOver: setOver,
      onDropCard: (actionId) => onMove(actionId, rating),
    });
  }, [dnd, rating, onMove]);
  return { rootRef, over };
}
