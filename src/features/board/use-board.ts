import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useSearchParams } from 'react-router';
import { groupBy, resolveScale, type Milestone, type RatingScale, type Stored } from '../../domain';
import type { PriorityBoardData } from '../../plan/board';
import { useRatingChange } from '../../ui/rating-change/use-rating-change';
import { buildCardView, groupIntoColumns, groupIntoLanes, ratingLabel, type CardView } from './board-model';
import { filterCards, readFilters, writeFilters, type BoardFilters } from './filters';
import { focusStepForKey, keyboardMoveTarget, moveDirectionForKey } from './keyboard-move';

export function usePlanScale(data: PriorityBoardData): RatingScale {
  const { plan } = data;
  return useMemo(() => resolveScale(plan.scaleId, plan.columnOrder), [plan]);
}

/**
 * Card views, rebuilt only for actions that changed: an optimistic move replaces
 * one action object, so every other card keeps its view (and skips re-rendering).
 */
export function useCardViews(data: PriorityBoardData, scale: RatingScale, today: string): CardView[] {
  const cache = useRef<{
    key: readonly unknown[];
    milestones: Map<string, Stored<Milestone>[]>;
    views: WeakMap<object, CardView>;
  } | null>(null);
  return useMemo(() => {
    const key = [data.milestones, scale, today];
    let current = cache.current;
    if (!current || current.key.some((k, i) => k !== key[i])) {
      current = { key, milestones: groupBy(data.milestones, (m) => m.actionId), views: new WeakMap() };
      cache.current = current;
    }
    const { milestones, views } = current;
    return data.actions.map((action) => {
      const known = views.get(action);
      if (known) return known;
      const view = buildCardView(action, milestones.get(action.id) ?? [], scale, today);
      views.set(action, view);
      return view;
    });
  }, [data, scale, today]);
}

/**
 * The filters, kept in the URL's query string. The router applies a new URL in a
 * transition, so the controls follow a local copy that changes at once; the URL
 * catches up, and only a URL change that did not come from here (back, forward,
 * a link) replaces the copy. Typing in the search box replaces history entries
 * rather than adding one per letter.
 */
export function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const [filters, setLocal] = useState(() => readFilters(params));
  const written = useRef(new Set<string>());
  const key = params.toString();

  useEffect(() => {
    if (written.current.has(key)) written.current.clear();
    else setLocal(readFilters(new URLSearchParams(key)));
  }, [key]);

  const setFilters = useCallback(
    (patch: Partial<BoardFilters>) => {
      const next = { ...filters, ...patch };
      const query = writeFilters(params, next);
      written.current.add(query.toString());
      setLocal(next);
      setParams(query, { replace: 'text' in patch });
    },
    [filters, params, setParams],
  );
  return { filters, setFilters, search: key };
}

/** Columns (or swimlanes) of the cards that pass the filters, with moves in progress shown where they are going. */
export function useBoardLayout(
  cards: readonly CardView[],
  filters: BoardFilters,
  data: PriorityBoardData,
  scale: RatingScale,
  today: string,
  moves: ReadonlyMap<string, string>,
) {
  const deferred = useDeferredValue(filters);
  const shown = useMemo(() => filterCards(cards, deferred), [cards, deferred]);
  const { focusAreas } = data;
  return useMemo(() => {
    const ratingOf = (card: CardView) => moves.get(card.id) ?? card.action.status;
    return deferred.lanes
      ? { shown, columns: [], lanes: groupIntoLanes(shown, focusAreas, scale, ratingOf) }
      : { shown, columns: groupIntoColumns(shown, scale, ratingOf), lanes: null };
  }, [shown, deferred.lanes, focusAreas, scale, moves]);
}

/**
 * Moving cards: by drop, menu or keyboard, each through the progress-note dialog;
 * and focus, which follows a card to its new column and moves with the arrow keys.
 */
export function useBoardMoves(
  data: PriorityBoardData,
  scale: RatingScale,
  canEdit: boolean,
  announce: (message: string) => void,
) {
  const [focus, setFocus] = useState<{ id: string; nonce: number } | null>(null);
  const nonce = useRef(0);
  const requestFocus = useCallback((id: string) => setFocus({ id, nonce: ++nonce.current }), []);
  const flow = useRatingChange({
    ratingLabel: (_action, rating) => ratingLabel(scale, rating),
    announce,
    onClosed: requestFocus,
  });

  const latest = useRef({ data, scale, canEdit, flow });
  useLayoutEffect(() => {
    latest.current = { data, scale, canEdit, flow };
  });

  const onMove = useCallback(
    (actionId: string, rating: string) => {
      const { data: board, scale: plan, canEdit: allowed, flow: changes } = latest.current;
      const action = board.actions.find((a) => a.id === actionId);
      if (!action || !allowed) return;
      if (action.status === rating) {
        announce(`${action.reference} is already in ${ratingLabel(plan, rating)}.`);
        return;
      }
      changes.start(action, rating);
    },
    [announce],
  );

  const onCardKey = useCallback(
    (event: KeyboardEvent, actionId: string, cards: readonly CardView[]) => {
      const direction = moveDirectionForKey(event);
      const { scale: plan, canEdit: allowed } = latest.current;
      if (direction && allowed) {
        event.preventDefault();
        const card = cards.find((c) => c.id === actionId);
        if (!card) return;
        const target = keyboardMoveTarget(
          plan.ratings.map((r) => r.key),
          card.action.status,
          direction,
        );
        if (target) onMove(actionId, target);
        else
          announce(
            `${card.action.reference} is already in the ${direction === 'next' ? 'last' : 'first'} column.`,
          );
        return;
      }
      const step = focusStepForKey(event);
      if (step) {
        event.preventDefault();
        const neighbour = cards[cards.findIndex((c) => c.id === actionId) + step];
        if (neighbour) requestFocus(neighbour.id);
      }
    },
    [announce, onMove, requestFocus],
  );

  const moves = useMemo(() => {
    const draft = flow.draft;
    if (!draft) return flow.moving;
    return new Map([...flow.moving, [draft.action.id, draft.toRating]]);
  }, [flow.draft, flow.moving]);

  return { flow, focus, moves, onMove, onCardKey };
}
