import { Field, Input } from '@fluentui/react-components';
import type { FocusArea } from '../../domain';
import { useStructure } from './structure-context';
import { StructureForm } from './StructureForm';
import { useStructureForm } from './use-structure-form';

type FocusAreaValues = { title: string };

/** Adds a focus area at the end of a priority (its reference comes from its place) or renames one. */
export function FocusAreaForm(
  props: { onClose: () => void } & (
    | { focusArea: FocusArea & { id: string }; priorityId?: undefined; nextReference?: undefined }
    | { focusArea?: undefined; priorityId: string; nextReference: string }
  ),
) {
  const { data } = useStructure();
  const { focusArea } = props;
  const form = useStructureForm<FocusAreaValues>(
    { title: focusArea?.title ?? '' },
    (input) =>
      focusArea
        ? { do: 'edit-focus-area', data, id: focusArea.id, input }
        : { do: 'add-focus-area', data, priorityId: props.priorityId, input },
    props.onClose,
  );
  return (
    <StructureForm
      label={focusArea ? `Edit focus area ${focusArea.reference}` : `Add focus area ${props.nextReference}`}
      form={form}
      submitLabel={focusArea ? 'Save' : 'Add focus area'}
      onCancel={props.onClose}
    >
      <Field
        label="Focus area title"
        hint={focusArea ? undefined : `It will be focus area ${props.nextReference}`}
        required
        {...form.errors.field('title')}
      >
        <Input value={form.values.title} onChange={(_, d) => form.set('title', d.value)} />
      </Field>
    </StructureForm>
  );
}
