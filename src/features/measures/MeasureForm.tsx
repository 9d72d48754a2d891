import { Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Measure } from '../../domain';
import type { MeasuresData } from '../../plan/measures';
import { FormFrame } from '../../ui/FormFrame';
import { useMeasureForm } from './use-measure-form';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

type MeasureValues = Record<
  'title' | 'unit' | 'baseline' | 'baselineDate' | 'target' | 'targetDate' | 'polarity' | 'priorityId',
  string
>;

const text = (n: number | null) => (n === null ? '' : String(n));

function valuesOf(measure: Measure | undefined): MeasureValues {
  return {
    title: measure?.title ?? '',
    unit: measure?.unit ?? '%',
    baseline: text(measure?.baseline ?? null),
    baselineDate: measure?.baselineDate ?? '',
    target: text(measure?.target ?? null),
    targetDate: measure?.targetDate ?? '',
    polarity: measure?.higherIsBetter === false ? 'lower' : 'higher',
    priorityId: measure?.priorityId ?? '',
  };
}

/** Adds a measure (no `measure`) or edits one: what it counts, where it starts and where it must get to. */
export function MeasureForm(props: {
  data: MeasuresData;
  measure?: Measure;
  onSaved: (said: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { data, measure } = props;
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const form = useMeasureForm<MeasureValues>(
    data.plan.id,
    valuesOf(measure),
    ({ polarity, priorityId, ...values }) => {
      const input = { ...values, higherIsBetter: polarity === 'higher', priorityId: priorityId || null };
      return measure
        ? { do: 'edit-measure', data, id: measure.id, input }
        : { do: 'add-measure', data, input };
    },
    (values) => props.onSaved(`${measure ? 'Saved' : 'Added'} the measure ${values.title.trim()}`),
  );

  return (
    <FormFrame
      label={measure ? `Edit measure: ${measure.title}` : 'Add a measure'}
      form={form}
      submitLabel={measure ? 'Save measure' : 'Add measure'}
      conflictTitle="Someone else changed this measure"
      onCancel={props.onCancel}
    >
      <Field
        label="Measure"
        hint="What is counted, such as EHC plans issued within 20 weeks"
        required
        {...form.errors.field('title')}
      >
        <Input ref={titleRef} value={form.values.title} onChange={(_, d) => form.set('title', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label="Unit" hint="%, weeks, children…" {...form.errors.field('unit')}>
          <Input value={form.values.unit} onChange={(_, d) => form.set('unit', d.value)} />
        </Field>
        <Field label="Priority" {...form.errors.field('priorityId')}>
          <Select value={form.values.priorityId} onChange={(_, d) => form.set('priorityId', d.value)}>
            <option value="">Across the plan</option>
            {data.priorities.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}: {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Which way is better" {...form.errors.field('higherIsBetter')}>
          <RadioGroup value={form.values.polarity} onChange={(_, d) => form.set('polarity', d.value)}>
            <Radio value="higher" label="Higher is better" />
            <Radio value="lower" label="Lower is better" />
          </RadioGroup>
        </Field>
      </div>
      <div className={styles.row}>
        <Field
          label="Baseline"
          hint="Leave empty to start from the first reading"
          {...form.errors.field('baseline')}
        >
          <Input
            inputMode="decimal"
            value={form.values.baseline}
            onChange={(_, d) => form.set('baseline', d.value)}
          />
        </Field>
        <Field label="Baseline date" {...form.errors.field('baselineDate')}>
          <Input
            type="date"
            value={form.values.baselineDate}
            onChange={(_, d) => form.set('baselineDate', d.value)}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Target" {...form.errors.field('target')}>
          <Input
            inputMode="decimal"
            value={form.values.target}
            onChange={(_, d) => form.set('target', d.value)}
          />
        </Field>
        <Field label="Target date" {...form.errors.field('targetDate')}>
          <Input
            type="date"
            value={form.values.targetDate}
            onChange={(_, d) => form.set('targetDate', d.value)}
          />
        </Field>
      </div>
    </FormFrame>
  );
}
