import type { ComponentProps } from 'react';
import { FormFrame } from '../../ui/FormFrame';

/** The frame of every add and edit form on the structure page. */
export function StructureForm(props: Omit<ComponentProps<typeof FormFrame>, 'conflictTitle'>) {
  return <FormFrame {...props} conflictTitle="Someone else changed the plan’s structure" />;
}
