import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FormProblems } from '../../ui/FormProblems';
import { Notice } from '../../ui/Notice';
import type { StructureFormState } from './use-structure-form';

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

/** The frame of every add and edit form on the structure page: fields, what went wrong, Save and Cancel. */
export function StructureForm(props: {
  label: string;
  form: Pick<StructureFormState, 'errors' | 'submit' | 'pending' | 'conflict' | 'failure'>;
  submitLabel: string;
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
        <Notice intent="warning" title="Someone else changed the plan’s structure">
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
