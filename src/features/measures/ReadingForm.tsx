import { Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { formatDate, type IsoDate, type Measure, type MeasureReading } from '../../domain';
import { formatValue } from '../../domain/measures';
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

type ReadingValues = { date: string; value: string; note: string };

/** Adds a reading of a measure (no `reading`: dated today to start with) or corrects one. */
export function ReadingForm(props: {
  data: MeasuresData;
  measure: Measure;
  reading?: MeasureReading;
  today: IsoDate;
  onSaved: (said: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { data, measure, reading } = props;
  const dateRef = useRef<HTMLInputElement>(null);
  useEffect(() => dateRef.current?.focus(), []);
  const form = useMeasureForm<ReadingValues>(
    data.plan.id,
    {
      date: reading?.date ?? props.today,
      value: reading ? String(reading.value) : '',
      note: reading?.note ?? '',
    },
    (input) =>
      reading
        ? { do: 'edit-reading', data, id: reading.id, input }
        : { do: 'add-reading', data, measureId: measure.id, input },
    (values) => {
      const what = `${formatValue(Number(values.value), measure.unit)} on ${formatDate(values.date)}`;
      props.onSaved(`${reading ? 'Saved the reading' : 'Added the reading'} of ${what} to ${measure.title}`);
    },
  );

  return (
    <FormFrame
      label={reading ? `Edit the reading of ${formatDate(reading.date)}` : `Add a reading: ${measure.title}`}
      form={form}
      submitLabel={reading ? 'Save reading' : 'Add reading'}
      conflictTitle="Someone else changed this reading"
      onCancel={props.onCancel}
    >
      <div className={styles.row}>
        <Field label="Date of the reading" required {...form.errors.field('date')}>
          <Input
            ref={dateRef}
            type="date"
            value={form.values.date}
            onChange={(_, d) => form.set('date', d.value)}
          />
        </Field>
        <Field
          label={measure.unit ? `Value (${measure.unit})` : 'Value'}
          hint={measure.unit === '%' ? 'Without the % sign' : undefined}
          required
          {...form.errors.field('value')}
        >
          <Input
            inputMode="decimal"
            value={form.values.value}
            onChange={(_, d) => form.set('value', d.value)}
          />
        </Field>
      </div>
      <Field label="Note" hint="What explains the reading, if anything" {...form.errors.field('note')}>
        <Textarea value={form.values.note} resize="vertical" onChange={(_, d) => form.set('note', d.value)} />
      </Field>
    </FormFrame>
  );
}
