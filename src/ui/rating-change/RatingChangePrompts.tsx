import { lazy, Suspense, useState } from 'react';
import type { RatingScale } from '../../domain';
import type { RatingChangeFlow, RatingDraft } from './use-rating-change';

// Neither is needed until somebody changes a rating, so neither holds up the first view.
const ProgressNoteDialog = lazy(() =>
  import('./ProgressNoteDialog').then((m) => ({ default: m.ProgressNoteDialog })),
);
const RatingChangeFailure = lazy(() =>
  import('./RatingChangeFailure').then((m) => ({ default: m.RatingChangeFailure })),
);

/**
 * What a rating change shows: the progress note dialog while one is being made
 * (a modal, wherever it sits) and, where this is placed, the bar saying why the
 * last one failed.
 */
export function RatingChangePrompts(props: {
  flow: RatingChangeFlow;
  /** The scale of the plan an action belongs to. */
  scaleFor: (planId: string) => RatingScale;
  /** Whether the plan of an action insists on a progress note. */
  requireNoteFor: (planId: string) => boolean;
}) {
  const { flow, scaleFor, requireNoteFor } = props;
  // The dialog stays mounted once shown and opens and closes: Save closes it and a
  // conflict reopens it moments later, and a dialog unmounted and mounted again that
  // quickly can be left aria-hidden by the closing one's focus trap.
  const [shown, setShown] = useState<RatingDraft | null>(flow.draft);
  if (flow.draft && flow.draft !== shown) setShown(flow.draft);
  return (
    <>
      {flow.failure && (
        <Suspense fallback={null}>
          <RatingChangeFailure
            failure={flow.failure}
            scale={scaleFor(flow.failure.draft.action.planId)}
            onRetry={flow.retry}
            onDismiss={flow.dismissFailure}
          />
        </Suspense>
      )}
      {shown && (
        <Suspense fallback={null}>
          <ProgressNoteDialog
            key={shown.action.id}
            open={flow.draft !== null}
            draft={shown}
            scale={scaleFor(shown.action.planId)}
            requireNote={requireNoteFor(shown.action.planId)}
            onEdit={flow.edit}
            onSubmit={flow.submit}
            onCancel={flow.cancel}
          />
        </Suspense>
      )}
    </>
  );
}
