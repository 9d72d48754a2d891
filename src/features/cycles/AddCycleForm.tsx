import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CYCLE_KINDS, type Cycle, type CycleKind } from '../../domain';
import { addCycleMutation } from '../../plan/cycle-commands';
import { CYCLE_KIND_TEXT, defaultCycleTitle } from '../../plan/cycles';
import { ValidationError } from '../../plan/errors';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { usePlanStore } from '../../ui/store-context';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(200px, 100%), 1fr))',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalM,
  },
  wide: { gridColumn: '1 / -1' },
});

const EMPTY = { kind: '6-weekly' as CycleKind, meetingDate: '', title: '' };

/** The next board meeting (or revisit) the plan reports to. A refused add keeps what was typed. */
export function AddCycleForm(props: { planId: string; existing: readonly Cycle[] }) {
  const styles = useStyles();
  const [values, setValues] = useState(EMPTY);
  const errors = useFormErrors();
  const adding = useMutation(addCycleMutation(usePlanStore(), useQueryClient(), props.planId));
  const set = (field: keyof typeof EMPTY, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    errors.clear(field);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    adding.mutate(
      { existing: props.existing, cycle: values },
      {
        onSuccess: () => {
          setValues(EMPTY);
          errors.reset();
        },
        onError: (error) => {
          if (error instanceof ValidationError) errors.show(messagesOf(error.issues));
        },
      },
    );
  };
  const placeholder = values.meetingDate
    ? defaultCycleTitle(values.kind, values.meetingDate)
    : '6-weekly board, 12 Jan 2027';
  return (
    <form
      ref={errors.formRef}
      className={styles.form}
      onSubmit={submit}
      aria-label="Add a reporting cycle"
      noValidate
    >
      <div className={styles.wide}>
        <FormProblems errors={errors} />
      </div>
      <Field label="Kind" {...errors.field('kind')}>
        <Select value={values.kind} onChange={(_, d) => set('kind', d.value)}>
          {CYCLE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CYCLE_KIND_TEXT[kind]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Meeting date" required {...errors.field('meetingDate')}>
        <Input type="date" value={values.meetingDate} onChange={(_, d) => set('meetingDate', d.value)} />
      </Field>
      <Field
        label="Title (optional)"
        hint="Left empty, it is made from the kind and date"
        {...errors.field('title')}
      >
        <Input value={values.title} placeholder={placeholder} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabledFocusable={adding.isPending}>
        {adding.isPending ? 'Adding…' : 'Add the cycle'}
      </Button>
      {adding.isError && !(adding.error instanceof ValidationError) && (
        <div className={styles.wide}>
          <ErrorMessage error={adding.error} />
        </div>
      )}
    </form>
  );
}
