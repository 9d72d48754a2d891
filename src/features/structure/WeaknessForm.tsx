import { Field, Input, Textarea } from '@fluentui/react-components';
import { type AreaOfWeakness } from '../../domain';
import { nextNumber } from '../../domain/structure';
import { useStructure } from './structure-context';
import { StructureForm } from './StructureForm';
import { useStructureForm } from './use-structure-form';

type WeaknessValues = { number: string; finding: string };

/** Adds an area of weakness (no `weakness`) or edits one: its number and the inspection's finding. */
export function WeaknessForm(props: { weakness?: AreaOfWeakness & { id: string }; onClose: () => void }) {
  const { data } = useStructure();
  const { weakness } = props;
  const form = useStructureForm<WeaknessValues>(
    {
      number: String(weakness?.number ?? nextNumber(data, 'weakness')),
      finding: weakness?.finding ?? '',
    },
    (input) =>
      weakness ? { do: 'edit-weakness', data, id: weakness.id, input } : { do: 'add-weakness', data, input },
    props.onClose,
  );
  return (
    <StructureForm
      label={weakness ? `Edit area of weakness ${weakness.number}` : 'Add an area of weakness'}
      form={form}
      submitLabel={weakness ? 'Save' : 'Add area of weakness'}
      onCancel={props.onClose}
    >
      <Field label="Number" required {...form.errors.field('number')}>
        <Input value={form.values.number} onChange={(_, d) => form.set('number', d.value)} />
      </Field>
      <Field
        label="Inspection finding"
        hint="Quote the inspection report word for word"
        required
        {...form.errors.field('finding')}
      >
        <Textarea
          value={form.values.finding}
          resize="vertical"
          onChange={(_, d) => form.set('finding', d.value)}
        />
      </Field>
    </StructureForm>
  );
}
