import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDate, type MeasureReading } from '../../domain';
import { isOffTrajectory } from '../../domain/measures';
import { measuresQuery, type MeasuresData } from '../../plan/measures';
import { AppLink } from '../../ui/AppLink';
import { DataProblems } from '../../ui/DataProblems';
import { LiveRegion, useAnnouncer } from '../../ui/LiveRegion';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useToday } from '../../ui/use-today';
import { useTeams } from '../../teams/TeamsProvider';
import { MeasureCard } from './MeasureCard';
import { MeasureForm } from './MeasureForm';

const useStyles = makeStyles({
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The plan's measures against their trajectories, grouped by improvement priority. */
export function MeasuresPage(props: { planId: string }) {
  const measures = useQuery(measuresQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={measures} loading="Loading the measures…" width="wide">
      {(data) => <Measures data={data} />}
    </PageOf>
  );
}

function Measures({ data }: { data: MeasuresData }) {
  const styles = useStyles();
  const { canEdit } = useSession();
  const { ready } = useTeams();
  useEffect(() => ready(), [ready]);
  const today = useToday();
  const { message, announce } = useAnnouncer();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  const view = useMemo(() => {
    const readingsOf = new Map<string, MeasureReading[]>();
    for (const reading of data.readings) {
      const held = readingsOf.get(reading.measureId);
      if (held) held.push(reading);
      else readingsOf.set(reading.measureId, [reading]);
    }
    const groups = [
      ...data.priorities.map((p) => ({ key: p.id, title: `${p.label}: ${p.title}`, priorityId: p.id })),
      { key: 'plan', title: 'Across the plan', priorityId: null },
    ].map((group) => ({
      ...group,
      measures: data.measures.filter((m) => m.priorityId === group.priorityId),
    }));
    return {
      readingsOf,
      groups: groups.filter((g) => g.priorityId !== null || g.measures.length > 0),
      off: data.measures.filter((m) => isOffTrajectory(m, data.readings, today)).length,
    };
  }, [data, today]);

  const finishAdding = (said?: string) => {
    setAdding(false);
    if (said) announce(said);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const count = data.measures.length;
  return (
    <>
      <div className={styles.heading}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Measures
        </Text>
        <Text as="p" size={400} className={styles.title}>
          {data.plan.title}
        </Text>
        <Text as="p" className={styles.meta}>
          {count} {count === 1 ? 'measure' : 'measures'} · {view.off} off trajectory on {formatDate(today)}
        </Text>
        <nav className={styles.links} aria-label="Plans">
          <AppLink to={paths.overview(data.plan.id)}>The plan at a glance</AppLink>
        </nav>
      </div>
      {!canEdit && <Notice intent="info">You can view these measures but not change them.</Notice>}
      <DataProblems problems={data.problems} />
      {canEdit &&
        (adding ? (
          <MeasureForm data={data} onSaved={finishAdding} onCancel={() => finishAdding()} />
        ) : (
          <div>
            <Button ref={addButton} icon={<AddRegular />} onClick={() => setAdding(true)}>
              Add a measure
            </Button>
          </div>
        ))}
      {count === 0 && <Text as="p">No measures are tracked for this plan yet.</Text>}
      {count > 0 &&
        view.groups.map((group) => (
          <PageSection key={group.key} title={group.title}>
            {group.measures.length === 0 ? (
              <Text as="p">No measures are tracked for this priority yet.</Text>
            ) : (
              <div className={styles.list}>
                {group.measures.map((measure) => (
                  <MeasureCard
                    key={measure.id}
                    data={data}
                    measure={measure}
                    readings={view.readingsOf.get(measure.id) ?? []}
                    today={today}
                    canEdit={canEdit}
                    announce={announce}
                  />
                ))}
              </div>
            )}
          </PageSection>
        ))}
      <LiveRegion message={message} />
    </>
  );
}
