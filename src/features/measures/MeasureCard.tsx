import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, ChevronDownRegular, ChevronRightRegular, EditRegular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState } from 'react';
import { formatDate, type IsoDate, type Measure, type MeasureReading } from '../../domain';
import { formatValue, trajectoryStatus } from '../../domain/measures';
import type { MeasuresData } from '../../plan/measures';
import { chartModel } from './chart-scale';
import { MeasureChart } from './MeasureChart';
import { MeasureForm } from './MeasureForm';
import { MeasureStatusBadge } from '../../ui/MeasureStatusBadge';
import { describeAim, summarise } from './measure-text';
import { ReadingForm } from './ReadingForm';
import { ReadingsTable } from './ReadingsTable';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  disclosure: { alignSelf: 'flex-start' },
});

/** What the card's form is doing: adding or correcting a reading, editing the measure, or nothing. */
type Editing = { kind: 'reading'; reading: MeasureReading | null } | { kind: 'measure' } | null;

/** One measure: its aim, latest reading and status, the chart, the readings as a table, and a member's forms. */
export function MeasureCard(props: {
  data: MeasuresData;
  measure: Measure;
  /** This measure's readings, oldest first. */
  readings: readonly MeasureReading[];
  today: IsoDate;
  canEdit: boolean;
  announce: (said: string) => void;
}) {
  const styles = useStyles();
  const { measure, readings, today } = props;
  const titleId = useId();
  const tableId = useId();
  const [tableOpen, setTableOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const addReadingButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const view = useMemo(() => {
    const judged = trajectoryStatus(measure, readings, today);
    return { judged, summary: summarise(measure, judged), model: chartModel(measure, readings) };
  }, [measure, readings, today]);
  const { latest, expected, status } = view.judged;

  const finish = (said?: string) => {
    const back = editing?.kind === 'measure' ? editButton : addReadingButton;
    setEditing(null);
    if (said) props.announce(said);
    // The form is gone: the keyboard carries on from the button that opened it.
    requestAnimationFrame(() => back.current?.focus());
  };

  return (
    <article className={styles.card} aria-labelledby={titleId}>
      <div className={styles.header}>
        <Text as="h3" id={titleId} size={400} weight="semibold" className={styles.title}>
          {measure.title}
        </Text>
        <MeasureStatusBadge status={status} />
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>Unit</dt>
        <dd className={styles.detail}>{measure.unit || 'None'}</dd>
        <dt className={styles.term}>Aim</dt>
        <dd className={styles.detail}>
          {describeAim(measure)} ({measure.higherIsBetter ? 'higher is better' : 'lower is better'})
        </dd>
        <dt className={styles.term}>Latest reading</dt>
        <dd className={styles.detail}>
          {latest ? `${formatValue(latest.value, measure.unit)} on ${formatDate(latest.date)}` : 'None yet'}
          {expected !== null && status !== 'met' && ` (expected ${formatValue(expected, measure.unit)})`}
        </dd>
      </dl>
      {view.model ? (
        <MeasureChart measure={measure} model={view.model} summary={view.summary} />
      ) : (
        <Text as="p">{view.summary}.</Text>
      )}
      {readings.length > 0 && (
        <Button
          appearance="subtle"
          className={styles.disclosure}
          icon={tableOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={tableOpen}
          aria-controls={tableOpen ? tableId : undefined}
          onClick={() => setTableOpen((open) => !open)}
        >
          Show the readings as a table
        </Button>
      )}
      {tableOpen && (
        <div id={tableId}>
          <ReadingsTable
            measure={measure}
            readings={readings}
            onEdit={props.canEdit ? (reading) => setEditing({ kind: 'reading', reading }) : undefined}
          />
        </div>
      )}
      {props.canEdit && editing === null && (
        <div className={styles.tools}>
          <Button
            ref={addReadingButton}
            icon={<AddRegular />}
            aria-label={`Add a reading: ${measure.title}`}
            onClick={() => setEditing({ kind: 'reading', reading: null })}
          >
            Add a reading
          </Button>
          <Button
            ref={editButton}
            icon={<EditRegular />}
            aria-label={`Edit measure: ${measure.title}`}
            onClick={() => setEditing({ kind: 'measure' })}
          >
            Edit
          </Button>
        </div>
      )}
      {props.canEdit && editing?.kind === 'reading' && (
        <ReadingForm
          key={editing.reading?.id ?? 'new'}
          data={props.data}
          measure={measure}
          reading={editing.reading ?? undefined}
          today={today}
          onSaved={finish}
          onCancel={() => finish()}
        />
      )}
      {props.canEdit && editing?.kind === 'measure' && (
        <MeasureForm data={props.data} measure={measure} onSaved={finish} onCancel={() => finish()} />
      )}
    </article>
  );
}
