import { z } from 'zod';
import type { IsoDate } from './dates';
import { figuresOf, overdueMilestonesOf } from './figures';
import { resolveScale } from './ratings';
import { groupBy } from './rollups';
import {
  DATE_PRECISIONS,
  isoDateSchema,
  isoDateTimeSchema,
  priorityNarrativeSchema,
  type Action,
  type Measure,
  type MeasureReading,
  type Milestone,
  type Priority,
  type Risk,
  riskSchema,
  type PriorityNarrative,
} from './model';
import { IMPACT_RATINGS, RATING_SCALE_IDS, SUSTAINED_RATINGS } from './ratings';

/**
 * A snapshot freezes, for one reporting cycle, what the next cycle compares
 * against and what its report pack says: every action's ratings, every measure's
 * latest reading and each priority's narrative (DOMAIN.md: "A report is a snapshot
 * at a date").
 */
const snapshotActionSchema = z.object({
  actionId: z.string().min(1),
  priorityId: z.string().min(1),
  reference: z.string(),
  text: z.string(),
  status: z.string(),
  impactRating: z.enum(IMPACT_RATINGS).nullable(),
  sustainedRating: z.enum(SUSTAINED_RATINGS).nullable(),
  dueDate: isoDateSchema.nullable(),
  dueDatePrecision: z.enum(DATE_PRECISIONS),
  /** Its milestones overdue on `asOf`, and the date of the oldest (for escalation). */
  overdueMilestones: z.number().int().nonnegative(),
  oldestOverdueMilestone: isoDateSchema.nullable(),
});
export type SnapshotAction = z.infer<typeof snapshotActionSchema>;

const snapshotMeasureSchema = z.object({
  measureId: z.string().min(1),
  priorityId: z.string().nullable(),
  title: z.string(),
  unit: z.string(),
  baseline: z.number().finite().nullable(),
  baselineDate: isoDateSchema.nullable(),
  target: z.number().finite().nullable(),
  targetDate: isoDateSchema.nullable(),
  higherIsBetter: z.boolean(),
  /** The latest reading when the snapshot was taken; null when there was none. */
  date: isoDateSchema.nullable(),
  value: z.number().finite().nullable(),
});
export type SnapshotMeasure = z.infer<typeof snapshotMeasureSchema>;

const snapshotRiskSchema = riskSchema
  .omit({ planId: true })
  .extend({ riskId: z.string().min(1) })
  .omit({ id: true });
export type SnapshotRisk = z.infer<typeof snapshotRiskSchema>;

const snapshotPrioritySchema = z.object({
  priorityId: z.string().min(1),
  number: z.number().int(),
  label: z.string(),
  title: z.string(),
  inspectionConcern: z.string(),
  narrative: priorityNarrativeSchema,
  /** Milestones open past their date on `asOf` (actions' own figures follow from `actions`). */
  overdueMilestones: z.number().int().nonnegative(),
});
export type SnapshotPriority = z.infer<typeof snapshotPrioritySchema>;

export const snapshotSchema = z.object({
  version: z.literal(1),
  cycleId: z.string().min(1),
  planId: z.string().min(1),
  takenAt: isoDateTimeSchema,
  takenBy: z.string(),
  /** The day (Europe/London) the snapshot stands for: "overdue" is judged on it. */
  asOf: isoDateSchema,
  scaleId: z.enum(RATING_SCALE_IDS),
  priorities: z.array(snapshotPrioritySchema),
  actions: z.array(snapshotActionSchema),
  measures: z.array(snapshotMeasureSchema),
  risks: z.array(snapshotRiskSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export interface SnapshotSource {
  cycleId: string;
  planId: string;
  scaleId: Snapshot['scaleId'];
  takenAt: string;
  takenBy: string;
  asOf: IsoDate;
  priorities: readonly Priority[];
  actions: readonly Action[];
  milestones: readonly Milestone[];
  measures: readonly Measure[];
  readings: readonly MeasureReading[];
  risks: readonly Risk[];
}

export function narrativeOf(priority: PriorityNarrative): PriorityNarrative {
  return priorityNarrativeSchema.parse(priority);
}

/** The frozen copy of the plan as it stands: pure, so the same state always freezes the same way. */
export function freezeSnapshot(source: SnapshotSource): Snapshot {
  const latest = latestReadings(source.readings);
  const scale = resolveScale(source.scaleId);
  const milestonesByAction = groupBy(source.milestones, (m) => m.actionId);
  return {
    version: 1,
    cycleId: source.cycleId,
    planId: source.planId,
    takenAt: source.takenAt,
    takenBy: source.takenBy,
    asOf: source.asOf,
    scaleId: source.scaleId,
    priorities: source.priorities.map((p) => ({
      priorityId: p.id,
      number: p.number,
      label: p.label,
      title: p.title,
      inspectionConcern: p.inspectionConcern,
      narrative: narrativeOf(p),
      overdueMilestones: figuresOf(
        source.actions.filter((a) => a.priorityId === p.id),
        milestonesByAction,
        scale,
        source.asOf,
      ).overdueMilestones,
    })),
    actions: source.actions.map((a) => {
      const late = overdueMilestonesOf(a, milestonesByAction.get(a.id) ?? [], scale, source.asOf);
      return {
        actionId: a.id,
        priorityId: a.priorityId,
        reference: a.reference,
        text: a.text,
        status: a.status,
        impactRating: a.impactRating,
        sustainedRating: a.sustainedRating,
        dueDate: a.dueDate,
        dueDatePrecision: a.dueDatePrecision,
        overdueMilestones: late.length,
        oldestOverdueMilestone: late.reduce<IsoDate | null>(
          (oldest, m) => (oldest === null || m.dueDate < oldest ? m.dueDate : oldest),
          null,
        ),
      };
    }),
    measures: source.measures.map((m) => {
      const reading = latest.get(m.id);
      return {
        measureId: m.id,
        priorityId: m.priorityId,
        title: m.title,
        unit: m.unit,
        baseline: m.baseline,
        baselineDate: m.baselineDate,
        target: m.target,
        targetDate: m.targetDate,
        higherIsBetter: m.higherIsBetter,
        date: reading?.date ?? null,
        value: reading?.value ?? null,
      };
    }),
    risks: source.risks.map((r) => ({
      riskId: r.id,
      priorityId: r.priorityId,
      title: r.title,
      consequence: r.consequence,
      likelihood: r.likelihood,
      mitigation: r.mitigation,
      owner: r.owner,
      status: r.status,
      trend: r.trend,
    })),
  };
}

/** Each measure's latest reading by date (the later-listed wins a tie). */
export function latestReadings<T extends Pick<MeasureReading, 'measureId' | 'date'>>(
  readings: readonly T[],
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const r of readings) {
    const held = latest.get(r.measureId);
    if (!held || held.date <= r.date) latest.set(r.measureId, r);
  }
  return latest;
}

/**
 * A snapshot is stored as JSON across as many items as it needs: a plain
 * multi-line text column is safe to about 60,000 characters, and a large plan's
 * snapshot is longer than that.
 */
export const SNAPSHOT_PART_CHARS = 60_000;

export function splitSnapshot(snapshot: Snapshot, partChars = SNAPSHOT_PART_CHARS): string[] {
  const json = JSON.stringify(snapshot);
  const parts: string[] = [];
  for (let at = 0; at < json.length; at += partChars) parts.push(json.slice(at, at + partChars));
  return parts;
}

export interface SnapshotPartText {
  part: number;
  parts: number;
  payload: string;
}

/** The snapshot its parts make, or why they make none (a part missing, edited, or not JSON). */
export function joinSnapshot(
  parts: readonly SnapshotPartText[],
): { ok: true; snapshot: Snapshot } | { ok: false; reason: string } {
  const expected = parts[0]?.parts;
  if (expected === undefined) return { ok: false, reason: 'it has no parts' };
  const ordered = [...parts].sort((a, b) => a.part - b.part);
  const numbers = ordered.map((p) => p.part).join(',');
  const wanted = Array.from({ length: expected }, (_, i) => i + 1).join(',');
  if (numbers !== wanted || ordered.some((p) => p.parts !== expected))
    return { ok: false, reason: `its parts are ${numbers || 'none'} of ${expected}` };
  let value: unknown;
  try {
    value = JSON.parse(ordered.map((p) => p.payload).join(''));
  } catch {
    return { ok: false, reason: 'its text is not the JSON the app wrote (was it edited outside the app?)' };
  }
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'it'}: ${issue?.message ?? 'does not fit'}` };
  }
  return { ok: true, snapshot: parsed.data };
}
