import { Button, Field, Input, makeStyles, ProgressBar, Select, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { RATING_SCALE_IDS, RATING_SCALES, type RatingScaleId } from '../../domain';
import { ValidationError } from '../../plan/errors';
import {
  createPlanMutation,
  SetupRefusedError,
  type NewPlanInput,
  type PlanChoice,
  type PlanSetupProgress,
} from '../../plan/tab-setup';
import type { PlanStore } from '../../plan/store';
import { ErrorMessage } from '../ErrorMessage';
import { messagesOf, useFormErrors } from '../form-errors';
import { FormProblems } from '../FormProblems';
import { Notice } from '../Notice';
import { useSession } from '../session';
import { describeSetupStep } from './setup-progress';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type NewPlanForm = Required<NewPlanInput>;
const EMPTY: NewPlanForm = { title: '', localArea: '', inspectionDate: '', scaleId: 'bragp' };

/**
 * A new plan on the site: its title, local area, inspection date and rating scale.
 * Creating it sets up the site's lists first when they are missing, with a progress
 * indicator; on a refusal or a failure, what was typed stays. Used by the tab's
 * set-up and by the plan's structure page.
 */
export function CreatePlanForm(props: {
  store: PlanStore;
  /** False while the site lacks the app's lists: say that creating sets them up. */
  listsReady: boolean;
  guest: boolean;
  onCreated: (plan: PlanChoice) => void;
}) {
  const styles = useStyles();
  const [form, setForm] = useState<NewPlanForm>(EMPTY);
  const [progress, setProgress] = useState<PlanSetupProgress | null>(null);
  const errors = useFormErrors();
  const { setupToken } = useSession();
  const create = useMutation(createPlanMutation(props.store, useQueryClient(), setProgress, setupToken));
  const set = <K extends keyof NewPlanForm>(field: K, value: NewPlanForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    errors.clear(field);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    errors.reset();
    setProgress(null);
    create.mutate(form, {
      onSuccess: (plan) => {
        setForm(EMPTY);
        props.onCreated(plan);
      },
      onError: (error) => {
        if (error instanceof ValidationError && error.issues.length > 0)
          errors.show(messagesOf(error.issues));
      },
    });
  };
  const failure = create.error;
  const fieldFailure = failure instanceof ValidationError && failure.issues.length > 0;

  return (
    <form
      ref={errors.formRef}
      className={styles.form}
      onSubmit={onSubmit}
      aria-label="Create a plan"
      noValidate
    >
      {!props.listsReady ? (
        <Notice intent="info">
          This site has none of the plan’s SharePoint lists yet: creating the plan sets them up first.
        </Notice>
      ) : null}
      {props.guest ? (
        <Notice intent="warning">
          As a guest of this team you may not be allowed to create a plan on its site.
        </Notice>
      ) : null}
      <Field label="Plan title" required {...errors.field('title')}>
        <Input
          value={form.title}
          onChange={(_, data) => set('title', data.value)}
          disabled={create.isPending}
          placeholder="Written Statement of Action 2026"
        />
      </Field>
      <Field label="Local area" required {...errors.field('localArea')}>
        <Input
          value={form.localArea}
          onChange={(_, data) => set('localArea', data.value)}
          disabled={create.isPending}
        />
      </Field>
      <Field label="Inspection date" hint="23 Nov 2026, or leave empty" {...errors.field('inspectionDate')}>
        <Input
          value={form.inspectionDate}
          onChange={(_, data) => set('inspectionDate', data.value)}
          disabled={create.isPending}
        />
      </Field>
      <Field label="Rating scale" {...errors.field('scaleId')}>
        <Select
          value={form.scaleId}
          onChange={(_, data) => set('scaleId', data.value as RatingScaleId)}
          disabled={create.isPending}
        >
          {RATING_SCALE_IDS.map((id) => (
            <option key={id} value={id}>
              {RATING_SCALES[id].name}
            </option>
          ))}
        </Select>
      </Field>
      <FormProblems errors={errors} />
      {create.isPending ? (
        <Field
          label="Setting up the plan"
          validationMessage={describeSetupStep(progress)}
          validationState="none"
        >
          <ProgressBar value={progress ? progress.done / progress.total : undefined} />
        </Field>
      ) : null}
      {failure instanceof SetupRefusedError ? (
        <Notice intent="error" title="Not allowed">
          {failure.message}
        </Notice>
      ) : failure && !fieldFailure ? (
        <ErrorMessage error={failure} />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create the plan'}
        </Button>
      </div>
    </form>
  );
}
