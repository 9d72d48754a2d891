import { createContext, useContext, useEffect, useState } from 'react';
import type { CardMenu } from './CardMenu';
import type * as Dnd from './dnd';

/**
 * What only moving cards needs (pointer drag and drop, the "Move to…" menu, the
 * note dialog): loaded once the board's first frame is painted, so it never
 * holds the board up. Until it arrives (a moment later) the menu's button shows
 * but is not yet enabled; keyboard moves work from the start.
 */
export interface Interactive {
  dnd: typeof Dnd;
  CardMenu: typeof CardMenu;
}

let loading: Promise<Interactive> | null = null;

function loadInteractive(): Promise<Interactive> {
  loading ??= Promise.all([
    import('./dnd'),
    import('./CardMenu'),
    import('../../ui/rating-change/ProgressNoteDialog'),
  ]).then(([dnd, menu]) => ({ dnd, CardMenu: menu.CardMenu }));
  return loading;
}

/** Null for people who may not edit, and until the board has been painted once. */
export function useInteractive(enabled: boolean): Interactive | null {
  const [interactive, setInteractive] = useState<Interactive | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const cancel = afterFirstPaint(() => {
      void loadInteractive().then((loaded) => {
        if (live) setInteractive(loaded);
      });
    });
    return () => {
      live = false;
      cancel();
    };
  }, [enabled]);
  return enabled ? interactive : null;
}

/**
 * Runs `work` once the next frame is on screen and the page is idle (or after
 * a second at most), so it never competes with the board's first paint. Returns
 * a function that cancels it.
 */
function afterFirstPaint(work: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    // Not every browser (nor jsdom) has requestIdleCallback.
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(work, { timeout: 1000 });
    else timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}

export const InteractiveContext = createContext<Interactive | null>(null);

export function useInteractiveParts(): Interactive | null {
  return useContext(InteractiveContext);
}
