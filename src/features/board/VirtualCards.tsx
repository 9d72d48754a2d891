import { makeStyles } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { CardView } from './board-model';

const ESTIMATED_CARD_PX = 180;

const useStyles = makeStyles({
  list: { position: 'relative', width: '100%' },
  item: { position: 'absolute', top: 0, left: 0, width: '100%' },
});

/**
 * A long column: only the cards in (and near) view are in the DOM. Loaded only
 * for boards that have such a column.
 */
export function VirtualCards(props: {
  cards: readonly CardView[];
  focus: { id: string; nonce: number } | null;
  gap: number;
  className: string;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  children: (card: CardView) => ReactNode;
}) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { cards, focus } = props;
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => cards[index]?.id ?? index,
    overscan: 6,
    gap: props.gap,
    initialRect: { width: 280, height: 800 },
  });

  // A card asked to take focus may be out of view: bring it in, so it is rendered and can.
  const cardsRef = useRef(cards);
  useEffect(() => {
    cardsRef.current = cards;
  });
  useEffect(() => {
    if (!focus) return;
    const index = cardsRef.current.findIndex((c) => c.id === focus.id);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [focus, virtualizer]);

  return (
    <div ref={scrollRef} className={props.className} onKeyDown={props.onKeyDown}>
      <div role="list" className={styles.list} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const card = cards[item.index];
          if (!card) return null;
          return (
            <div
              role="listitem"
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={cards.length}
              aria-posinset={item.index + 1}
              className={styles.item}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {props.children(card)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
