import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** Words for screen readers only ("Sign in as", "to"): read out, not shown. */
export function VisuallyHidden(props: { children: ReactNode }) {
  return <span className={useStyles().hidden}>{props.children}</span>;
}

/** The same, as a class, for an element that must be something other than a span (a live region). */
export const useVisuallyHiddenClass = () => useStyles().hidden;
