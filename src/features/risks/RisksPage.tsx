import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Risk } from '../../domain';
import { risksQuery, type RiskCommand, type RisksData } from '../../plan/risks';
import { AppLink } from '../../ui/AppLink';
import { DataProblems } from '../../ui/DataProblems';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LiveRegion, useAnnouncer } from '../../ui/LiveRegion';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useTeams } from '../../teams/TeamsProvider';
import { HeatMap } from './HeatMap';
import { RegisterTable } from './RegisterTable';
import { RiskForm } from './RiskForm';
import { useRiskCommand, type RiskAttempt } from './use-risk-command';

const useStyles = makeStyles({
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The plan's joint risk register: the heat map of open risks, then the register itself. */
export function RisksPage(props: { planId: string }) {
  const risks = useQuery(risksQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={risks} loading="Loading the risk register…" width="wide">
      {(data) => <Register data={data} />}
    </PageOf>
  );
}

/** What the register's form is doing: adding, editing one risk, or nothing. */
type Editing = { risk: Risk | null } | null;
type Refusal = Exclude<RiskAttempt, { kind: 'saved' }>;

function Register({ data }: { data: RisksData }) {
  const styles = useStyles();
  const { canEdit } = useSession();
  const { ready } = useTeams();
  useEffect(() => ready(), [ready]);
  const { message, announce } = useAnnouncer();
  const { run, pending } = useRiskCommand(data.plan.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const open = useMemo(() => data.risks.filter((r) => r.status === 'open'), [data.risks]);
  const closed = useMemo(() => data.risks.filter((r) => r.status === 'closed'), [data.risks]);

  const finishEditing = useCallback(
    (said?: string) => {
      setEditing(null);
      if (said) announce(said);
      // The form is gone: the keyboard carries on from where forms start.
      requestAnimationFrame(() => addButton.current?.focus());
    },
    [announce],
  );

  const setStatus = useCallback(
    async (risk: Risk, command: Extract<RiskCommand, { do: 'close' | 'reopen' }>['do']) => {
      setRefusal(null);
      const attempt = await run({ do: command, data, id: risk.id });
      if (attempt.kind === 'saved')
        announce(`${command === 'close' ? 'Closed' : 'Reopened'} risk: ${risk.title}`);
      else setRefusal(attempt);
    },
    [run, data, announce],
  );

  const actions = canEdit
    ? (risk: Risk) => (
        <div className={styles.tools}>
          <Button
            size="small"
            aria-label={`Edit risk: ${risk.title}`}
            disabledFocusable={pending}
            onClick={() => setEditing({ risk })}
          >
            Edit
          </Button>
          <Button
            size="small"
            aria-label={`${risk.status === 'open' ? 'Close' : 'Reopen'} risk: ${risk.title}`}
            disabledFocusable={pending}
            onClick={() => void setStatus(risk, risk.status === 'open' ? 'close' : 'reopen')}
          >
            {risk.status === 'open' ? 'Close' : 'Reopen'}
          </Button>
        </div>
      )
    : undefined;

  return (
    <>
      <div className={styles.heading}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Risk register
        </Text>
        <Text as="p" size={400} className={styles.title}>
          {data.plan.title}
        </Text>
        <Text as="p" className={styles.meta}>
          {open.length} open · {closed.length} closed · scored consequence × likelihood on the NHS 5×5 matrix
        </Text>
        <nav className={styles.tools} aria-label="Plans">
          <AppLink to={paths.overview(data.plan.id)}>The plan at a glance</AppLink>
        </nav>
      </div>
      {!canEdit && <Notice intent="info">You can view this risk register but not change it.</Notice>}
      {refusal?.kind === 'conflict' && (
        <Notice intent="warning" title="Someone else changed the risk register">
          Nothing was changed. The page now shows their changes: try again.
        </Notice>
      )}
      {refusal?.kind === 'failed' && <ErrorMessage error={refusal.error} />}
      <DataProblems problems={data.problems} />
      <PageSection title="Heat map">
        <HeatMap risks={data.risks} />
      </PageSection>
      <PageSection title="Register">
        {canEdit && editing === null && (
          <div className={styles.tools}>
            <Button ref={addButton} icon={<AddRegular />} onClick={() => setEditing({ risk: null })}>
              Add a risk
            </Button>
          </div>
        )}
        {canEdit && editing !== null && (
          <RiskForm
            key={editing.risk?.id ?? 'new'}
            data={data}
            risk={editing.risk ?? undefined}
            run={run}
            pending={pending}
            onSaved={(title) => finishEditing(`${editing.risk ? 'Saved' : 'Added'} risk: ${title}`)}
            onCancel={() => finishEditing()}
          />
        )}
        {open.length > 0 ? (
          <RegisterTable label="Open risks" risks={open} priorities={data.priorities} actions={actions} />
        ) : (
          <Text as="p">No open risks are recorded.</Text>
        )}
        {closed.length > 0 && (
          <Accordion collapsible>
            <AccordionItem value="closed">
              <AccordionHeader as="h3">Closed risks ({closed.length})</AccordionHeader>
              <AccordionPanel>
                <RegisterTable
                  label="Closed risks"
                  risks={closed}
                  priorities={data.priorities}
                  actions={actions}
                />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        )}
      </PageSection>
      <LiveRegion message={message} />
    </>
  );
}
