/** Placeholder until My work lands: the route is wired in src/app/routes.tsx. */
export function MyWorkPage() {
  return <p>My work</p>;
}
