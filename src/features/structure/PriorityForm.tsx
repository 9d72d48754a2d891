import { Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { type Priority } from '../../domain';
import { defaultPriorityLabel, nextNumber } from '../../domain/structure';
import { useStructure } from './structure-context';
import { StructureForm } from './StructureForm';
import { useStructureForm } from './use-structure-form';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  legend: { fontWeight: tokens.fontWeightSemibold },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type PriorityValues = { number: string; label: string; title: string; weaknessNumbers: string[] };

/**
 * Adds an improvement priority (no `priority`) or edits one: number, label (left
 * empty, the plan's own way: "Priority 4"), title and the areas of weakness it answers.
 */
export function PriorityForm(props: { priority?: Priority & { id: string }; onClose: () => void }) {
  const styles = useStyles();
  const { data } = useStructure();
  const { priority } = props;
  const groupId = useId();
  const form = useStructureForm<PriorityValues>(
    {
      number: String(priority?.number ?? nextNumber(data, 'priority')),
      label: priority?.label ?? '',
      title: priority?.title ?? '',
      weaknessNumbers: (priority?.weaknessNumbers ?? []).map(String),
    },
    (input) =>
      priority ? { do: 'edit-priority', data, id: priority.id, input } : { do: 'add-priority', data, input },
    props.onClose,
  );
  const typedNumber = Number(form.values.number);
  const labelHint =
    Number.isInteger(typedNumber) && typedNumber > 0
      ? `Leave empty for “${defaultPriorityLabel(data.priorities, typedNumber)}”`
      : undefined;
  // Areas in use, and any archived one this priority still answers.
  const offered = data.weaknesses.filter(
    (w) => !w.archived || form.values.weaknessNumbers.includes(String(w.number)),
  );
  const linked = new Set(form.values.weaknessNumbers);
  const toggle = (number: string, checked: boolean) => {
    const next = new Set(linked);
    if (checked) next.add(number);
    else next.delete(number);
    form.set('weaknessNumbers', [...next]);
  };
  const weaknessMessage = form.errors.messages.weaknessNumbers;

  return (
    <StructureForm
      label={priority ? `Edit priority ${priority.number}` : 'Add a priority'}
      form={form}
      submitLabel={priority ? 'Save' : 'Add priority'}
      onCancel={props.onClose}
    >
      <Field label="Number" required {...form.errors.field('number')}>
        <Input value={form.values.number} onChange={(_, d) => form.set('number', d.value)} />
      </Field>
      <Field label="Label" hint={priority ? undefined : labelHint} {...form.errors.field('label')}>
        <Input value={form.values.label} onChange={(_, d) => form.set('label', d.value)} />
      </Field>
      <Field label="Priority title" required {...form.errors.field('title')}>
        <Input value={form.values.title} onChange={(_, d) => form.set('title', d.value)} />
      </Field>
      <div
        role="group"
        aria-labelledby={`${groupId}-legend`}
        aria-describedby={weaknessMessage ? `${groupId}-error` : undefined}
        className={styles.group}
      >
        <Text id={`${groupId}-legend`} className={styles.legend}>
          Areas of weakness it answers
        </Text>
        {offered.length === 0 ? (
          <Text>No areas of weakness recorded yet.</Text>
        ) : (
          <div className={styles.options}>
            {offered.map((w) => (
              <Checkbox
                key={w.id}
                label={`Area ${w.number}${w.archived ? ' (archived)' : ''}`}
                checked={linked.has(String(w.number))}
                aria-invalid={weaknessMessage ? true : undefined}
                onChange={(_, d) => toggle(String(w.number), d.checked === true)}
              />
            ))}
          </div>
        )}
        {weaknessMessage && (
          <Text id={`${groupId}-error`} className={styles.error}>
            {weaknessMessage}
          </Text>
        )}
      </div>
    </StructureForm>
  );
}
