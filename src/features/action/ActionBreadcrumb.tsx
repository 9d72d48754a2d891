import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useNavigate } from 'react-router';
import type { Action, Plan, Priority } from '../../domain';
import { paths } from '../../ui/paths';

/** Back to the plan and to the priority's board, as links (open in a new tab works too). */
export function ActionBreadcrumb(props: { plan: Plan; priority: Priority; action: Action }) {
  const { plan, priority, action } = props;
  return (
    <Breadcrumb aria-label="Where this action sits">
      <BreadcrumbItem>
        <RouterCrumb to={paths.overview(plan.id)}>{plan.title}</RouterCrumb>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <RouterCrumb to={paths.board(plan.id, priority.id)}>
          {priority.label}: {priority.title}
        </RouterCrumb>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <BreadcrumbButton current>Action {action.reference}</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  );
}

function RouterCrumb(props: { to: string; children: ReactNode }) {
  const href = useHref(props.to);
  const navigate = useNavigate();
  return (
    <BreadcrumbButton
      href={href}
      onClick={(event: MouseEvent) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        void navigate(props.to);
      }}
    >
      {props.children}
    </BreadcrumbButton>
  );
}
