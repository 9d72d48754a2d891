import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { Plan } from '../../domain';

/** One site may hold several plans over the years (a WSoA, then an APP): choose which to see. */
export function PlanSwitcher(props: {
  plans: readonly Plan[];
  current: Plan;
  onChange: (planId: string) => void;
}) {
  if (props.plans.length < 2) return null;
  return (
    <Field label="Plan">
      <Dropdown
        value={props.current.title}
        selectedOptions={[props.current.id]}
        onOptionSelect={(_, data) => data.optionValue && props.onChange(data.optionValue)}
      >
        {props.plans.map((plan) => (
          <Option key={plan.id} value={plan.id} text={plan.title}>
            {`${plan.title} (${plan.planType}${plan.status === 'active' ? '' : `, ${plan.status}`})`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
