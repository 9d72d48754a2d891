import { useCallback, useState } from 'react';
import { useVisuallyHiddenClass } from './VisuallyHidden';

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
  const hidden = useVisuallyHiddenClass();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={hidden}>
      {props.message}
    </div>
  );
}
