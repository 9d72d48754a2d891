import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Action } from '../../domain';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { fieldState } from './field-state';
import { messagesOf, type FieldMessages } from './form-model';
import { readNewMilestone } from './milestone-rules';
import { useAddMilestone } from './use-add-milestone';

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
  const add = useAddMilestone();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [messages, setMessages] = useState<FieldMessages>({});
  const titleRef = useRef<HTMLInputElement>(null);

  const submit = () => {
    const checked = readNewMilestone({ title, dueDate });
    if (!checked.ok) {
      setMessages(messagesOf(checked.issues));
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
        className={styles.form}
        aria-label="Add a milestone"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="New milestone" className={styles.title} {...fieldState(messages.title)}>
          <Input
            ref={titleRef}
            value={title}
            onChange={(_, d) => {
              setTitle(d.value);
              setMessages((m) => ({ ...m, title: undefined }));
            }}
          />
        </Field>
        <Field label="Due" hint="23 Nov 2026 or Dec 2026" {...fieldState(messages.dueDate)}>
          <Input
            value={dueDate}
            onChange={(_, d) => {
              setDueDate(d.value);
              setMessages((m) => ({ ...m, dueDate: undefined }));
            }}
          />
        </Field>
        <Button type="submit" className={styles.button} disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add milestone'}
        </Button>
      </form>
      {add.error && <ErrorMessage error={add.error} />}
    </>
  );
}
