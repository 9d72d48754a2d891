import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Plan } from '../../domain';
import { NOT_MADE, type CarryOver } from '../../domain/revisit';
import { ValidationError } from '../../plan/errors';
import { startAcceleratedPlanMutation, type AcceleratedPlanInput } from '../../plan/revisit';
import { AppLink } from '../../ui/AppLink';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { Notice } from '../../ui/Notice';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { usePlanStore } from '../../ui/store-context';
import { count } from './revisit-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  field: { maxWidth: '32rem', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/**
 * Starts the accelerated progress plan from the areas judged not made: a new plan,
 * the unfinished work carried over, this plan left on record as it is.
 */
export function AcceleratedPlanForm(props: { plan: Plan; carry: CarryOver }) {
  const styles = useStyles();
  const { plan, carry } = props;
  const [form, setForm] = useState<AcceleratedPlanInput>({
    title: `${plan.localArea} Accelerated Progress Plan`,
    inspectionDate: '',
  });
  const errors = useFormErrors();
  const start = useMutation(startAcceleratedPlanMutation(usePlanStore(), useQueryClient(), plan.id));
  const set = (field: keyof AcceleratedPlanInput, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    errors.clear(field);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    errors.reset();
    start.mutate(form, {
      onError: (error) => {
        if (error instanceof ValidationError && error.issues.length > 0)
          errors.show(messagesOf(error.issues));
      },
    });
  };
  const failure = start.error;
  const fieldFailure = failure instanceof ValidationError && failure.issues.length > 0;

  if (start.data) {
    const started = start.data;
    return (
      <PageSection title="Accelerated progress plan">
        <Notice intent="success" title="Accelerated progress plan started">
          “{started.title}” holds {count(started.counts.areas, 'area')} of weakness,{' '}
          {count(started.counts.priorities, 'priority', 'priorities')},{' '}
          {count(started.counts.actions, 'action')} and {count(started.counts.milestones, 'milestone')}.
        </Notice>
        <AppLink to={paths.overview(started.planId)}>Open “{started.title}”</AppLink>
      </PageSection>
    );
  }

  return (
    <PageSection title="Accelerated progress plan">
      <Text>
        Where inspectors judged “{NOT_MADE}”, an accelerated progress plan follows. Starting one creates a new
        plan with {count(carry.areas.length, 'area')} of weakness (numbered again from 1),{' '}
        {count(carry.priorities.length, 'priority', 'priorities')}, {count(carry.actions.length, 'action')}{' '}
        not completed and {count(carry.milestones.length, 'open milestone')}.{' '}
        {count(carry.leftBehind.actions.length, 'completed action')} stay with this plan, which is kept as it
        is.
      </Text>
      <form
        ref={errors.formRef}
        className={styles.form}
        onSubmit={onSubmit}
        aria-label="Start an accelerated progress plan"
        noValidate
      >
        <Field label="Title of the new plan" required className={styles.field} {...errors.field('title')}>
          <Input
            value={form.title}
            onChange={(_, data) => set('title', data.value)}
            disabled={start.isPending}
          />
        </Field>
        <Field
          label="Revisit date"
          hint="The day the inspectors' revisit ended, such as 14 Nov 2025"
          required
          className={styles.field}
          {...errors.field('inspectionDate')}
        >
          <Input
            value={form.inspectionDate}
            onChange={(_, data) => set('inspectionDate', data.value)}
            disabled={start.isPending}
          />
        </Field>
        <FormProblems errors={errors} />
        {failure && !fieldFailure ? <ErrorMessage error={failure} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={start.isPending}>
            {start.isPending ? 'Starting…' : 'Start an accelerated progress plan'}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}
