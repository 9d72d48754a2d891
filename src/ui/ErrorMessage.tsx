import { AuthenticationError, ReadOnlyError, RunRefusedError, ThrottledError } from '../plan/errors';
import { Notice } from './Notice';

/** Turns a data-layer error into words for the person in front of the screen. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (error instanceof ReadOnlyError)
    return { title: 'Read only', detail: 'You can view this plan but not change it.' };
  if (error instanceof AuthenticationError)
    return { title: 'Signed out', detail: 'Your sign-in has expired. Sign in again.' };
  if (error instanceof ThrottledError)
    return { title: 'Busy', detail: 'SharePoint is busy. Try again in a minute.' };
  if (error instanceof RunRefusedError)
    return { title: 'Nothing was sent', detail: `${error.problems.join('. ')}.` };
  if (error instanceof TypeError)
    return { title: 'Cannot reach the plan', detail: 'The network or the service is not answering.' };
  return { title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error) };
}

export function ErrorMessage(props: { error: unknown }) {
  const { title, detail } = describeError(props.error);
  return (
    <Notice intent="error" title={title}>
      {detail}
    </Notice>
  );
}
