import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import type { FormErrors } from './form-errors';
import { FormProblems } from './FormProblems';
import { Notice } from './Notice';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** What a page's add or edit form hook gives its frame. */
export interface FormFrameState {
  errors: FormErrors;
  submit: (event: FormEvent) => Promise<void> | void;
  pending: boolean;
  /** A save refused for a newer version: the page shows theirs, the form keeps what was typed. */
  conflict: boolean;
  failure: unknown;
}

/** The frame of an add or edit form shown in place on a page: fields, what went wrong, Save and Cancel. */
export function FormFrame(props: {
  label: string;
  form: FormFrameState;
  submitLabel: string;
  /** "Someone else changed this reading": said after a save refused for a newer version. */
  conflictTitle: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { form } = props;
  return (
    <form
      ref={form.errors.formRef}
      className={styles.form}
      aria-label={props.label}
      noValidate
      onSubmit={(event) => void form.submit(event)}
    >
      {props.children}
      <FormProblems errors={form.errors} />
      {form.conflict && (
        <Notice intent="warning" title={props.conflictTitle}>
          Nothing has been saved yet and what you typed is still here. The page now shows their changes: save
          again to apply yours on top.
        </Notice>
      )}
      {form.failure !== null && <ErrorMessage error={form.failure} />}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={form.pending}>
          {form.pending ? 'Saving…' : props.submitLabel}
        </Button>
        <Button type="button" onClick={props.onCancel} disabled={form.pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
