import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, type Action, type Milestone, type Stored } from '../../domain';
import { ConflictError } from '../../plan/errors';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { readMilestoneMove } from './milestone-rules';
import { useMilestoneCommands } from './use-milestone-commands';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Change control: the new date and the reason for it, both required; kept on the milestone and in the history. */
export function MoveMilestoneDialog(props: { milestone: Stored<Milestone>; action: Pick<Action, 'status'> }) {
  const styles = useStyles();
  const { milestone } = props;
  const move = useMutation(useMilestoneCommands().move);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const errors = useFormErrors();

  const onOpenChange = (next: boolean) => {
    if (next) {
      setDate('');
      setReason('');
      errors.reset();
      move.reset();
    }
    setOpen(next);
  };

  const submit = () => {
    const checked = readMilestoneMove({ date, reason }, milestone);
    if (!checked.ok) {
      errors.show(messagesOf(checked.issues));
      return;
    }
    move.mutate({ milestone, action: props.action, ...checked.value }, { onSuccess: () => setOpen(false) });
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => onOpenChange(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" aria-label={`Move date of ${milestone.title}`}>
          Move date
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          ref={errors.formRef}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Move the milestone’s date</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>
                “{milestone.title}” is due {formatDate(milestone.dueDate, milestone.dueDatePrecision)}. A date
                moves only with a reason, which is kept under the milestone and in the progress history.
              </Text>
              <Field
                label="New date"
                required
                hint="A day, such as 23 Nov 2026 or 23/11/2026"
                {...errors.field('date')}
              >
                <Input
                  value={date}
                  onChange={(_, d) => {
                    setDate(d.value);
                    errors.clear('date');
                  }}
                />
              </Field>
              <Field label="Reason for the change" required {...errors.field('reason')}>
                <Textarea
                  resize="vertical"
                  value={reason}
                  onChange={(_, d) => {
                    setReason(d.value);
                    errors.clear('reason');
                  }}
                />
              </Field>
              {move.error instanceof ConflictError ? (
                <Text role="alert">
                  Someone else changed this milestone since you opened it; it now shows their version. Check
                  the date and press Move date again.
                </Text>
              ) : (
                move.error && <ErrorMessage error={move.error} />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={move.isPending}>
                {move.isPending ? 'Moving…' : 'Move date'}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
