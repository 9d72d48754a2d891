import { lazy, Suspense, useId } from 'react';
import type { DataProblem } from '../domain';
import { Notice } from './Notice';
import { useSession } from './session';

// Only the programme officer sees the table, and only when there is something in it.
const ProblemsTable = lazy(() => import('./ProblemsTable').then((m) => ({ default: m.ProblemsTable })));

/**
 * Items left out of a view because they do not fit the plan (edited in SharePoint's
 * grid, Excel or a flow): the programme officer sees which, what is wrong and where
 * to put it right; everyone else that something is missing.
 */
export function DataProblems(props: { problems: readonly DataProblem[] }) {
  const { isOwner } = useSession();
  const titleId = useId();
  const count = props.problems.length;
  if (count === 0) return null;
  const summary = `${count} ${count === 1 ? 'item does' : 'items do'} not fit the plan and ${count === 1 ? 'is' : 'are'} left out here`;
  if (!isOwner) {
    return (
      <Notice intent="warning">{summary}. The programme officer can see which, and put them right.</Notice>
    );
  }
  return (
    <section aria-labelledby={titleId}>
      <Notice intent="warning" title="Data problems" titleId={titleId}>
        {summary}, most likely edited outside the app. Put each right in SharePoint and it shows again.
      </Notice>
      <Suspense fallback={null}>
        <ProblemsTable problems={props.problems} />
      </Suspense>
    </section>
  );
}
