import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CameraRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { byPriorityNumber, formatDate, formatDateTime, type Cycle, type Stored } from '../../domain';
import { takeSnapshotMutation } from '../../plan/cycle-commands';
import { CYCLE_KIND_TEXT } from '../../plan/cycles';
import { overviewQuery, type PlanOverviewData } from '../../plan/overview';
import { AppLink } from '../../ui/AppLink';
import { downloadFile } from '../../ui/download';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useToday } from '../../ui/use-today';
import { AddCycleForm } from './AddCycleForm';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  what: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * A plan's reporting cycles: the programme officer adds the next board, freezes
 * its snapshot when the figures are final, and downloads the report pack; the
 * priority leads write their narratives for it.
 */
export function CyclesPage(props: { planId: string }) {
  const overview = useQuery(overviewQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={overview} loading="Loading the reporting cycles…" width="narrow">
      {(data) => <Cycles data={data} />}
    </PageOf>
  );
}

function Cycles({ data }: { data: PlanOverviewData }) {
  const styles = useStyles();
  const { canEdit } = useSession();
  const { plan, cycles } = data;
  const upcoming = cycles.find((c) => c.snapshotAt === null) ?? null;
  return (
    <>
      <div>
        <Text as="h1" size={600} weight="semibold" block>
          Reporting cycles
        </Text>
        <Text as="p" className={styles.muted}>
          {plan.title}. A snapshot freezes every action&apos;s ratings, every measure&apos;s latest reading
          and each priority&apos;s narrative for the board; the next cycle&apos;s direction of travel is
          measured against it. <AppLink to={paths.overview(plan.id)}>Back to the board view</AppLink>
        </Text>
      </div>
      <PageSection title="Cycles">
        {cycles.length === 0 ? (
          <Text>No reporting cycle yet.{canEdit ? ' Add the next board meeting below.' : ''}</Text>
        ) : (
          <ul className={styles.list}>
            {[...cycles].reverse().map((cycle) => (
              <CycleItem key={cycle.id} cycle={cycle} planId={plan.id} />
            ))}
          </ul>
        )}
        {canEdit && <AddCycleForm planId={plan.id} existing={cycles} />}
      </PageSection>
      <PageSection title={upcoming ? `Narratives for ${upcoming.title}` : 'Narratives'}>
        <Text className={styles.muted}>
          Each priority lead writes the headline, impact, achievements, support, barriers and next steps their
          priority reports{upcoming ? ' to this board' : ''}.
        </Text>
        <ul className={styles.list}>
          {[...data.priorities].sort(byPriorityNumber).map((p) => (
            <li key={p.id} className={styles.item}>
              <span className={styles.what}>
                <Text weight="semibold">
                  {p.label}: {p.title}
                </Text>
                <Text size={200} className={styles.muted}>
                  {p.headline ? `Headline: ${p.headline}` : 'No headline yet'}
                  {p.lead ? ` · Lead: ${p.lead.displayName}` : ''}
                </Text>
              </span>
              <AppLink to={paths.narrative(plan.id, p.id)}>
                {canEdit ? 'Write the narrative' : 'Read the narrative'}
              </AppLink>
            </li>
          ))}
        </ul>
      </PageSection>
    </>
  );
}

function CycleItem(props: { cycle: Stored<Cycle>; planId: string }) {
  const styles = useStyles();
  const { cycle, planId } = props;
  const { canEdit, person } = useSession();
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const today = useToday();
  const [confirming, setConfirming] = useState(false);
  const snapshot = useMutation(takeSnapshotMutation(store, queryClient, planId));
  const pack = useMutation({
    mutationFn: async () =>
      (await import('../../plan/report')).reportPack(store, planId, { cycleId: cycle.id }),
    onSuccess: (made) => downloadFile({ name: made.fileName, mediaType: made.mediaType, bytes: made.bytes }),
  });
  return (
    <li className={styles.item}>
      <span className={styles.what}>
        <Text weight="semibold">{cycle.title}</Text>
        <Text size={200} className={styles.muted}>
          {CYCLE_KIND_TEXT[cycle.kind]} on {formatDate(cycle.meetingDate)} ·{' '}
          {cycle.snapshotAt
            ? `snapshot taken ${formatDateTime(cycle.snapshotAt)}${cycle.snapshotBy ? ` by ${cycle.snapshotBy}` : ''}`
            : 'no snapshot yet'}
        </Text>
      </span>
      <span className={styles.actions}>
        {cycle.snapshotAt ? (
          <>
            <AppLink to={`/?plan=${encodeURIComponent(planId)}&cycle=${encodeURIComponent(cycle.id)}`}>
              Show on the board view
            </AppLink>
            <Button
              icon={pack.isPending ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />}
              disabledFocusable={pack.isPending}
              onClick={() => pack.mutate()}
            >
              Report pack (.docx)
            </Button>
          </>
        ) : canEdit && !confirming ? (
          <Button icon={<CameraRegular />} onClick={() => setConfirming(true)}>
            Take the snapshot
          </Button>
        ) : null}
      </span>
      {confirming && !cycle.snapshotAt && (
        <Notice intent="warning" title="Freeze the plan for this cycle?">
          <Text block>
            Every action&apos;s ratings, every measure&apos;s latest reading and each priority&apos;s
            narrative are frozen as they stand now. A snapshot is taken once and never changed.
          </Text>
          <span className={styles.actions}>
            <Button
              appearance="primary"
              disabledFocusable={snapshot.isPending}
              onClick={() =>
                snapshot.mutate({ cycle, by: person, asOf: today }, { onSuccess: () => setConfirming(false) })
              }
            >
              {snapshot.isPending ? 'Taking the snapshot…' : 'Take the snapshot'}
            </Button>
            <Button onClick={() => setConfirming(false)}>Not yet</Button>
          </span>
        </Notice>
      )}
      {snapshot.isError && <ErrorMessage error={snapshot.error} />}
      {pack.isError && <ErrorMessage error={pack.error} />}
    </li>
  );
}
