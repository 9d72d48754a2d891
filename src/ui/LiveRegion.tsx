import { makeStyles } from '@fluentui/react-components';
import { useCallback, useState } from 'react';

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

/** Messages for screen readers ("Moved 1.2.3 to Good progress"), read out politely. */
export function useAnnouncer() {
  const [message, setMessage] = useState('');
  // The same words twice in a row would not be read again: vary them invisibly.
  const announce = useCallback(
    (next: string) => setMessage((current) => (current === next ? `${next}\u00a0` : next)),
    [],
  );
  return { message, announce };
}

export function LiveRegion(props: { message: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden}>
      {props.message}
    </div>
  );
}
