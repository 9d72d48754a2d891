/** Placeholder until the board lands: the route is wired in src/app/routes.tsx. */
export function BoardPage(props: { planId: string; priorityId: string }) {
  return (
    <p>
      Board of priority {props.priorityId} in plan {props.planId}
    </p>
  );
}
