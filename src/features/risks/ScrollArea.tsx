import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  area: {
    maxWidth: '100%',
    overflowX: 'auto',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThick,
    },
  },
});

/**
 * A table wider than a narrow window scrolls inside this frame, not the page. It
 * takes focus, so the keyboard can scroll it too, and is named for screen readers.
 */
export function ScrollArea(props: { label: string; children: ReactNode }) {
  return (
    // A scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable).
    <div className={useStyles().area} role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
