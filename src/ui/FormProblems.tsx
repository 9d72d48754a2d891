import type { FieldMessages } from './form-errors';
import { Notice } from './Notice';

/** Under a form after a refused save: nothing was saved, where to look, and that nothing typed is lost. */
export function FormProblems(props: { errors: { count: number; messages: FieldMessages } }) {
  const { count, messages } = props.errors;
  if (count === 0) return null;
  return (
    <Notice intent="error" title="Not saved">
      {messages[''] ??
        `Check the ${count === 1 ? 'field' : `${count} fields`} marked above; nothing you typed has been lost.`}
    </Notice>
  );
}
