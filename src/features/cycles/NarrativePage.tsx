import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ValidationError } from '../../plan/errors';
import { narrativeQuery, saveNarrativeMutation, type NarrativeData } from '../../plan/narrative';
import { AppLink } from '../../ui/AppLink';
import { ConflictPanel } from '../../ui/ConflictPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useETagSave } from '../../ui/use-etag-save';
import { TEXT_FIELDS, toInput, valuesOf, type NarrativeValues } from './narrative-form';
import { NarrativeReadOnly } from './NarrativeReadOnly';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  barrier: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(260px, 100%), 1fr)) auto',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A priority's narrative for the coming cycle, written by its lead (read by everyone else). */
export function NarrativePage(props: { planId: string; priorityId: string }) {
  const narrative = useQuery(narrativeQuery(usePlanStore(), props.planId, props.priorityId));
  return (
    <PageOf read={narrative} loading="Loading the narrative…" width="narrow">
      {(data) => <Narrative data={data} />}
    </PageOf>
  );
}

function Narrative({ data }: { data: NarrativeData }) {
  const styles = useStyles();
  const { canEdit } = useSession();
  const { plan, priority, forCycle, previous } = data;
  return (
    <>
      <div>
        <Text as="h1" size={600} weight="semibold" block>
          {priority.label}: {priority.title}
        </Text>
        <Text as="p" className={styles.muted}>
          {forCycle
            ? `The narrative for ${forCycle.title}.`
            : 'No reporting cycle is planned yet: this is the narrative as it stands.'}{' '}
          <AppLink to={paths.cycles(plan.id)}>Reporting cycles</AppLink> ·{' '}
          <AppLink to={paths.board(plan.id, priority.id)}>The priority&apos;s board</AppLink>
        </Text>
      </div>
      {previous && (
        <PageSection title={`What ${previous.cycle.title} said`}>
          <NarrativeReadOnly narrative={previous.narrative} />
        </PageSection>
      )}
      {canEdit ? (
        <NarrativeForm data={data} />
      ) : (
        <PageSection title="This cycle">
          <NarrativeReadOnly narrative={priority} concern={priority.inspectionConcern} />
        </PageSection>
      )}
    </>
  );
}

function NarrativeForm({ data }: { data: NarrativeData }) {
  const styles = useStyles();
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<NarrativeValues>(() => valuesOf(data.priority));
  const [base, setBase] = useState(data.priority);
  const errors = useFormErrors();
  const saving = useETagSave(saveNarrativeMutation(store, queryClient, data.plan.id, data.priority.id));
  const set = <K extends keyof NarrativeValues>(field: K, value: NarrativeValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    errors.clear(field);
  };
  const setBarrier = (index: number, part: 'concern' | 'response', text: string) => {
    set(
      'barriers',
      values.barriers.map((b, i) => (i === index ? { ...b, [part]: text } : b)),
    );
    errors.clear(`barriers.${index}.${part}`);
  };
  const save = async (priority = base) => {
    const outcome = await saving.save({ priority, narrative: toInput(values) });
    // The next save goes with the eTag this one was given.
    if (outcome.kind === 'saved') setBase(outcome.result);
    if (outcome.kind === 'failed' && outcome.error instanceof ValidationError)
      errors.show(messagesOf(outcome.error.issues));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  return (
    <PageSection title="This cycle">
      <form
        ref={errors.formRef}
        className={styles.form}
        onSubmit={submit}
        noValidate
        aria-label="The narrative"
      >
        <FormProblems errors={errors} />
        <Field
          label="The inspection concern it answers (quoted)"
          hint="As the inspection letter puts it"
          {...errors.field('inspectionConcern')}
        >
          <Textarea
            rows={3}
            resize="vertical"
            value={values.inspectionConcern}
            onChange={(_, d) => set('inspectionConcern', d.value)}
          />
        </Field>
        {TEXT_FIELDS.map((f) => (
          <Field key={f.name} label={f.label} hint={f.hint || undefined} {...errors.field(f.name)}>
            <Textarea
              rows={f.rows}
              resize="vertical"
              value={values[f.name]}
              onChange={(_, d) => set(f.name, d.value)}
            />
          </Field>
        ))}
        <fieldset className={styles.form}>
          <legend>
            <Text weight="semibold">Barriers and concerns, each with its mitigation or change control</Text>
          </legend>
          {values.barriers.length === 0 && <Text className={styles.muted}>None reported.</Text>}
          {values.barriers.map((barrier, i) => (
            <div key={i} className={styles.barrier}>
              <Field label={`Barrier or concern ${i + 1}`} {...errors.field(`barriers.${i}.concern`)}>
                <Textarea
                  rows={2}
                  value={barrier.concern}
                  onChange={(_, d) => setBarrier(i, 'concern', d.value)}
                />
              </Field>
              <Field
                label={`Mitigation or change control ${i + 1}`}
                {...errors.field(`barriers.${i}.response`)}
              >
                <Textarea
                  rows={2}
                  value={barrier.response}
                  onChange={(_, d) => setBarrier(i, 'response', d.value)}
                />
              </Field>
              <Button
                icon={<DeleteRegular />}
                aria-label={`Remove barrier ${i + 1}`}
                onClick={() =>
                  set(
                    'barriers',
                    values.barriers.filter((_, j) => j !== i),
                  )
                }
              />
            </div>
          ))}
          <div>
            <Button
              icon={<AddRegular />}
              onClick={() => set('barriers', [...values.barriers, { concern: '', response: '' }])}
            >
              Add a barrier or concern
            </Button>
          </div>
        </fieldset>
        <Field label="Next steps" {...errors.field('nextSteps')}>
          <Textarea
            rows={4}
            resize="vertical"
            value={values.nextSteps}
            onChange={(_, d) => set('nextSteps', d.value)}
          />
        </Field>
        {saving.conflict && (
          <ConflictPanel
            title="Someone else changed this narrative since you opened it"
            busy={saving.pending}
            onReapply={() => {
              const latest = saving.conflict?.latest.priority;
              if (!latest) return;
              setBase(latest);
              saving.settle();
              void save(latest);
            }}
            onDiscard={() => {
              const latest = saving.conflict?.latest.priority;
              if (!latest) return;
              setBase(latest);
              setValues(valuesOf(latest));
              saving.settle();
            }}
          />
        )}
        {saving.failure && !(saving.failure.error instanceof ValidationError) && (
          <ErrorMessage error={saving.failure.error} />
        )}
        {saving.saved && <Notice intent="success">Narrative saved.</Notice>}
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabledFocusable={saving.pending}>
            {saving.pending ? 'Saving…' : 'Save the narrative'}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}
