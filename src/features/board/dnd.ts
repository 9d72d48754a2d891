import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/adapter/element-adapter';

/**
 * Pointer drag and drop, loaded after the board's first paint (the board works
 * without it: keyboard and the "Move to…" menu do the same). Native HTML5 drag
 * underneath, through Atlassian's Pragmatic drag and drop: listeners attach to
 * elements already on screen, so nothing re-renders when it arrives.
 */
export function makeCardDraggable(
  element: HTMLElement,
  actionId: string,
  onDragging: (dragging: boolean) => void,
): () => void {
  return draggable({
    element,
    getInitialData: () => ({ actionId }),
    onDragStart: () => onDragging(true),
    onDrop: () => onDragging(false),
  });
}

export function makeColumnDropTarget(
  element: HTMLElement,
  handlers: { onOver: (over: boolean) => void; onDropCard: (actionId: string) => void },
): () => void {
  return dropTargetForElements({
    element,
    canDrop: ({ source }) => typeof source.data['actionId'] === 'string',
    onDragEnter: () => handlers.onOver(true),
    onDragLeave: () => handlers.onOver(false),
    onDrop: ({ source }) => {
      handlers.onOver(false);
      const id = source.data['actionId'];
      if (typeof id === 'string') handlers.onDropCard(id);
    },
  });
}
