import { Field, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { PlanChoice } from '../../plan/tab-setup';

/** The value of the "Create a plan" choice. */
export const NEW_PLAN = 'new';

/** Which plan the tab shows: one of the site's, or a new one. */
export function PlanChooser(props: {
  plans: readonly PlanChoice[];
  value: string | null;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <Field label="Plan" required>
      <RadioGroup
        value={props.value ?? ''}
        onChange={(_, data) => props.onChange(data.value)}
        disabled={props.disabled}
      >
        {props.plans.map((plan) => (
          <Radio key={plan.id} value={plan.id} label={planLabel(plan)} />
        ))}
        <Radio value={NEW_PLAN} label="Create a plan" />
      </RadioGroup>
    </Field>
  );
}

function planLabel(plan: PlanChoice): string {
  const extra = plan.status === 'active' ? '' : `, ${plan.status}`;
  return `${plan.title} (${plan.planType}${extra})`;
}

/** The view the tab opens on: the plan at a glance, or one priority's board. */
export function PriorityChooser(props: {
  plan: PlanChoice;
  value: string;
  onChange: (priorityId: string) => void;
}) {
  return (
    <Field
      label="Open the tab on"
      hint={props.plan.priorities.length === 0 ? 'This plan has no priorities yet.' : undefined}
    >
      <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        <option value="">At a glance</option>
        {props.plan.priorities.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.label}: ${p.title}`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
