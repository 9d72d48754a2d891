import { Field, Input, Textarea } from '@fluentui/react-components';
import { formatDate, type Action } from '../../domain';
import type { ActionPlace } from '../../plan/structure/actions';
import { useStructure } from './structure-context';
import { StructureForm } from './StructureForm';
import { useStructureForm } from './use-structure-form';

type ActionValues = { text: string; successMeasures: string; governanceForum: string; dueDate: string };

/**
 * Adds an action at the end of its focus area (its reference comes from its place)
 * or edits one: its wording, success measures, governance forum and due date.
 */
export function ActionForm(
  props: { onClose: () => void } & (
    | { action: Action & { id: string }; place?: undefined; nextReference?: undefined }
    | { action?: undefined; place: ActionPlace; nextReference: string }
  ),
) {
  const { data } = useStructure();
  const { action } = props;
  const form = useStructureForm<ActionValues>(
    {
      text: action?.text ?? '',
      successMeasures: action?.successMeasures ?? '',
      governanceForum: action?.governanceForum ?? '',
      dueDate: action?.dueDate ? formatDate(action.dueDate, action.dueDatePrecision) : '',
    },
    (input) =>
      action
        ? { do: 'edit-action', data, id: action.id, input }
        : { do: 'add-action', data, place: props.place, input },
    props.onClose,
  );
  return (
    <StructureForm
      label={action ? `Edit action ${action.reference}` : `Add action ${props.nextReference}`}
      form={form}
      submitLabel={action ? 'Save' : 'Add action'}
      onCancel={props.onClose}
    >
      <Field
        label="Action"
        hint={action ? undefined : `It will be action ${props.nextReference}`}
        required
        {...form.errors.field('text')}
      >
        <Textarea value={form.values.text} resize="vertical" onChange={(_, d) => form.set('text', d.value)} />
      </Field>
      <Field label="Success measures" {...form.errors.field('successMeasures')}>
        <Textarea
          value={form.values.successMeasures}
          resize="vertical"
          onChange={(_, d) => form.set('successMeasures', d.value)}
        />
      </Field>
      <Field label="Governance forum" {...form.errors.field('governanceForum')}>
        <Input
          value={form.values.governanceForum}
          onChange={(_, d) => form.set('governanceForum', d.value)}
        />
      </Field>
      <Field label="Due date" hint="23 Nov 2026 or Dec 2026" {...form.errors.field('dueDate')}>
        <Input value={form.values.dueDate} onChange={(_, d) => form.set('dueDate', d.value)} />
      </Field>
    </StructureForm>
  );
}
