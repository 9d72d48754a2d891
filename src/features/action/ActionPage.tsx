/** Placeholder until the action detail lands: the route is wired in src/app/routes.tsx. */
export function ActionPage(props: { actionId: string }) {
  return <p>Action {props.actionId}</p>;
}
