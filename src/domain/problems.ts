/**
 * An item that does not fit the plan: the lists are edited outside the app too
 * (SharePoint's grid, Excel, flows), so a read leaves such an item out and names
 * it, rather than failing the whole view or run.
 */
export interface DataProblem {
  /** The list's display name: "WSoA Actions". */
  list: string;
  itemId: string;
  /** The item's Title as SharePoint shows it, to find it by; empty when it has none. */
  title: string;
  /** The columns at fault, as SharePoint names them; empty when the item as a whole is. */
  columns: string[];
  /** What is wrong, in words: "Action must be at most 2000 characters". */
  message: string;
  /** The item in SharePoint, for whoever puts it right; null when Graph gave none. */
  webUrl: string | null;
}

/** "WSoA Actions item 42 (1.2.3 Publish the JSNA), ActionText: Action must be at most 2000 characters". */
export function describeProblem(problem: DataProblem): string {
  const title = problem.title ? ` (${problem.title})` : '';
  const columns = problem.columns.length ? `, ${problem.columns.join(', ')}` : '';
  return `${problem.list} item ${problem.itemId}${title}${columns}: ${problem.message}`;
}
