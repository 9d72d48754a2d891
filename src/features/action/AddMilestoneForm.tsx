import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Action } from '../../domain';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { readNewMilestone } from './milestone-rules';
import { useMilestoneCommands } from './use-milestone-commands';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
  },
  title: { gridColumn: '1 / -1' },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
});

export function AddMilestoneForm(props: { action: Pick<Action, 'id' | 'planId' | 'priorityId'> }) {
  const styles = useStyles();
  const add = useMutation(useMilestoneCommands().add);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const errors = useFormErrors();
  const titleRef = useRef<HTMLInputElement>(null);

  const submit = () => {
    const checked = readNewMilestone({ title, dueDate });
    if (!checked.ok) {
      errors.show(messagesOf(checked.issues));
      return;
    }
    add.mutate(
      { action: props.action, ...checked.value },
      {
        onSuccess: () => {
          setTitle('');
          setDueDate('');
          titleRef.current?.focus();
        },
      },
    );
  };

  return (
    <>
      <form
        ref={errors.formRef}
        className={styles.form}
        aria-label="Add a milestone"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="New milestone" className={styles.title} {...errors.field('title')}>
          <Input
            ref={titleRef}
            value={title}
            onChange={(_, d) => {
              setTitle(d.value);
              errors.clear('title');
            }}
          />
        </Field>
        <Field label="Due" hint="23 Nov 2026 or Dec 2026" {...errors.field('dueDate')}>
          <Input
            value={dueDate}
            onChange={(_, d) => {
              setDueDate(d.value);
              errors.clear('dueDate');
            }}
          />
        </Field>
        <Button type="submit" className={styles.button} disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add milestone'}
        </Button>
      </form>
      {add.isError && <ErrorMessage error={add.error} />}
    </>
  );
}
