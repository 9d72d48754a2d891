import { describeProblem, type DataProblem, type Milestone, type Stored } from '../domain';
import { ValidationError } from '../graph/errors';
import { LIST_NAMES } from '../graph/lists';

/**
 * Milestones whose action is not among the actions read (deleted or moved in
 * SharePoint): left out and named. A milestone of an action that was itself left
 * out is left out quietly, its action already named.
 */
export function withTheirActions(
  milestones: readonly Stored<Milestone>[],
  actions: readonly { id: string }[],
  problems: DataProblem[],
): Stored<Milestone>[] {
  const known = new Set(actions.map((a) => a.id));
  const actionsList = LIST_NAMES.actions.displayName;
  const leftOut = new Set(problems.filter((p) => p.list === actionsList).map((p) => p.itemId));
  return milestones.filter((m) => {
    if (known.has(m.actionId)) return true;
    if (!leftOut.has(m.actionId)) {
      problems.push({
        list: LIST_NAMES.milestones.displayName,
        itemId: m.id,
        title: m.title,
        columns: ['ActionId'],
        message: `Its action (item ${m.actionId} of ${actionsList}) is not in this plan`,
        webUrl: null,
      });
    }
    return false;
  });
}

/** The item a view is about was left out: say why, rather than "not found". */
export function requireReadable(
  list: keyof typeof LIST_NAMES,
  id: string,
  problems: readonly DataProblem[],
): void {
  const problem = problems.find((p) => p.list === LIST_NAMES[list].displayName && p.itemId === id);
  if (problem) throw new ValidationError(describeProblem(problem), [], null, null, problem);
}
