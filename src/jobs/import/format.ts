import type { ImportReport, ItemKey, ReportItem, ReportProblem } from './report';

const OTHER_KINDS: [ItemKey, string, string][] = [
  ['areasOfWeakness', 'area of weakness', 'areas of weakness'],
  ['priorities', 'priority', 'priorities'],
  ['focusAreas', 'focus area', 'focus areas'],
  ['milestones', 'second date', 'second dates'],
];

/** The human-readable report of `npm run import`. */
export function describeImport(report: ImportReport): string {
  const lines: string[] = [];
  const plan = `"${report.plan.title}"${report.plan.id ? ` (id ${report.plan.id})` : ''}`;
  if (report.dryRun) {
    lines.push(
      `Dry run: ${report.file} into ${report.plan.isNew ? `a new plan ${plan}` : plan}; nothing was written.`,
    );
  } else if (report.plan.id === null) {
    lines.push(`Nothing in ${report.file} could be written, so no plan "${report.plan.title}" was created.`);
  } else {
    lines.push(`Imported ${report.file} into ${report.plan.isNew ? `the new plan ${plan}` : plan}.`);
  }
  lines.push(actionLine(report));
  const others = otherLine(report);
  if (others) lines.push(others);
  if (report.cancelled) {
    lines.push(
      `Stopped by Ctrl-C: ${report.notWritten} ${report.notWritten === 1 ? 'item was' : 'items were'} not written. ` +
        'Run the same command again to write the rest: what was written is recognised and left alone.',
    );
  }
  section(
    lines,
    report.dryRun ? 'Would update' : 'Updated',
    report.updates,
    (u) => `${where(u)}: ${u.what} ${u.reference} (${u.detail})`,
  );
  section(lines, 'Skipped', report.skips, (s) => `${where(s)}: ${s.what} ${s.reference}: ${s.detail}`);
  section(lines, 'Not written', report.failures, (f) => `${where(f)}: ${f.what} ${f.reference}: ${f.detail}`);
  const imported = report.problems.filter((p) => p.code !== 'write-failed');
  section(
    lines,
    'Errors',
    imported.filter((p) => p.severity === 'error'),
    problemText,
    'those rows are skipped',
  );
  section(
    lines,
    'Warnings',
    imported.filter((p) => p.severity === 'warning'),
    problemText,
    'imported, worth checking',
  );
  section(
    lines,
    'Items of the plan left out',
    report.planProblems,
    (p) => p,
    'they do not fit, so rows are not matched against them',
  );
  return lines.join('\n');
}

function actionLine(r: ImportReport): string {
  const would = r.dryRun ? 'would be ' : '';
  const parts = [
    `${r.created} ${would}created`,
    `${r.updated} ${would}updated`,
    `${r.unchanged} unchanged`,
    `${r.skipped} skipped`,
  ];
  if (r.failed > 0) parts.push(`${r.failed} failed`);
  return `${count(r.actions, 'action', 'actions')} in the file: ${parts.join(', ')}.`;
}

function otherLine(r: ImportReport): string | null {
  const created = OTHER_KINDS.filter(([key]) => r.items[key].created > 0).map(([key, one, many]) =>
    count(r.items[key].created, one, many),
  );
  const updated = OTHER_KINDS.filter(([key]) => r.items[key].updated > 0).map(([key, one, many]) =>
    count(r.items[key].updated, one, many),
  );
  const would = r.dryRun ? 'would be ' : '';
  const parts = [
    created.length ? `${created.join(', ')} ${would}created` : '',
    updated.length ? `${updated.join(', ')} ${would}updated` : '',
  ].filter(Boolean);
  return parts.length ? `Also ${parts.join('; ')}.` : null;
}

/** "Heading (3), note:" and an indented line per item; nothing when there are none. */
function section<T>(
  lines: string[],
  heading: string,
  items: readonly T[],
  text: (item: T) => string,
  note?: string,
) {
  if (items.length === 0) return;
  lines.push(`${heading} (${items.length})${note ? `, ${note}` : ''}:`);
  for (const item of items) lines.push(`  ${text(item)}`);
}

/** "Table 1, row 12, column 'Lead': message"; the row's problem has no column. */
export function problemText(p: ReportProblem): string {
  const at = [
    p.table ?? 'The file',
    p.row === null ? null : `row ${p.row}`,
    p.column === null ? null : `column '${p.column}'`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${at}: ${p.message}`;
}

function where(item: ReportItem): string {
  if (item.table === null || item.row === null) return 'Implied by its actions';
  return `${item.table}, row ${item.row}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
