import { Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { formatDate } from '../../domain';
import { fieldState } from '../../ui/form-errors';
import { FIELD_LABELS, readDueDate } from './form-model';
import { LeadPicker } from './LeadPicker';
import type { ActionForm } from './use-action-form';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: {
    display: 'grid',
    alignItems: 'start',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  reference: { maxWidth: '160px' },
});

const DUE_DATE_HINT = 'A day (23 Nov 2026 or 23/11/2026) or a month alone (Dec 2026)';

/** What the action is, who leads it, where it reports and when it is due. */
export function DetailsFields(props: { form: ActionForm }) {
  const styles = useStyles();
  const { values, messages, setField } = props.form;
  const due = readDueDate(values.dueDate);
  const dueHint =
    due.ok && due.value
      ? due.value.precision === 'month'
        ? `Due by the end of ${formatDate(due.value.date, 'month')}`
        : `Due ${formatDate(due.value.date)}`
      : DUE_DATE_HINT;
  return (
    <div className={styles.fields}>
      <Field label={FIELD_LABELS.reference} required hint="Such as 2.3.1" {...fieldState(messages.reference)}>
        <Input
          className={styles.reference}
          value={values.reference}
          onChange={(_, d) => setField('reference', d.value)}
        />
      </Field>
      <Field label={FIELD_LABELS.text} required {...fieldState(messages.text)}>
        <Textarea
          resize="vertical"
          rows={3}
          value={values.text}
          onChange={(_, d) => setField('text', d.value)}
        />
      </Field>
      <Field label={FIELD_LABELS.successMeasures} {...fieldState(messages.successMeasures)}>
        <Textarea
          resize="vertical"
          value={values.successMeasures}
          onChange={(_, d) => setField('successMeasures', d.value)}
        />
      </Field>
      <LeadPicker value={values.lead} onChange={(p) => setField('lead', p)} message={messages.lead} />
      <div className={styles.pair}>
        <Field label={FIELD_LABELS.governanceForum} {...fieldState(messages.governanceForum)}>
          <Input value={values.governanceForum} onChange={(_, d) => setField('governanceForum', d.value)} />
        </Field>
        <Field label={FIELD_LABELS.dueDate} hint={dueHint} {...fieldState(messages.dueDate)}>
          <Input value={values.dueDate} onChange={(_, d) => setField('dueDate', d.value)} />
        </Field>
      </div>
    </div>
  );
}
