/**
 * The board's keyboard model, as pure functions. On a card: Alt (or Ctrl) with
 * Left/Right moves it to the neighbouring rating column; Up/Down moves focus to
 * the card above or below in the same column.
 */
export type MoveDirection = 'previous' | 'next';

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function moveDirectionForKey(input: KeyInput): MoveDirection | null {
  if (input.shiftKey || input.metaKey || input.altKey === input.ctrlKey) return null;
  if (input.key === 'ArrowLeft') return 'previous';
  if (input.key === 'ArrowRight') return 'next';
  return null;
}

export function focusStepForKey(input: KeyInput): -1 | 1 | null {
  if (input.shiftKey || input.metaKey || input.altKey || input.ctrlKey) return null;
  if (input.key === 'ArrowUp') return -1;
  if (input.key === 'ArrowDown') return 1;
  return null;
}

/**
 * The rating a card moves to, in the plan's column order, or null at either end.
 * A card whose rating is outside the scale moves into the first or last column.
 */
export function keyboardMoveTarget(
  columnKeys: readonly string[],
  current: string,
  direction: MoveDirection,
): string | null {
  const index = columnKeys.indexOf(current);
  if (index === -1) return (direction === 'next' ? columnKeys[0] : columnKeys[columnKeys.length - 1]) ?? null;
  return columnKeys[direction === 'next' ? index + 1 : index - 1] ?? null;
}
