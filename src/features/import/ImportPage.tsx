import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode, type Ref } from 'react';
import { AppLink } from '../../ui/AppLink';
import { byPriorityNumber } from '../../domain';
import { ImportFileError } from '../../plan/import/errors';
import type { ImportTarget } from '../../plan/import/import-plan';
import { importTargetQuery } from '../../plan/import/import-queries';
import { DataProblems } from '../../ui/DataProblems';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ExportRegister } from '../../ui/ExportRegister';
import { Notice } from '../../ui/Notice';
import { PageOf } from '../../ui/Page';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useTeams } from '../../teams/TeamsProvider';
import { ColumnMappings } from './ColumnMappings';
import { ImportSummary } from './ImportSummary';
import { PreviewPanel } from './PreviewPanel';
import { previewView } from './preview-model';
import { SourcePicker } from './SourcePicker';
import { useImport } from './use-import';
import { WriteProgress } from './WriteProgress';

const useStyles = makeStyles({
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  title: { margin: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  stepTitle: { margin: 0 },
  source: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Bringing a plan's actions in from its Word document, workbook, CSV file or a pasted table. */
export function ImportPage(props: { planId: string }) {
  const target = useQuery(importTargetQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={target} loading="Loading the plan…" width="wide">
      {(data) => <ImportView planId={props.planId} target={data} />}
    </PageOf>
  );
}

function ImportView(props: { planId: string; target: ImportTarget }) {
  const styles = useStyles();
  const { canEdit } = useSession();
  const { ready } = useTeams();
  useEffect(() => ready(), [ready]);
  const { plan } = props.target;

  return (
    <>
      <AppLink to={paths.overview(props.planId)} className={styles.back}>
        <ArrowLeftRegular aria-hidden />
        {plan.title}
      </AppLink>
      <div className={styles.heading}>
        <div>
          <Text as="h1" size={600} weight="semibold" block className={styles.title}>
            Import a plan
          </Text>
          <Text as="p" block className={styles.meta}>
            Into {plan.title}: actions are matched by reference, so importing the same file again updates them
            rather than adding them twice.
          </Text>
        </div>
        <ExportRegister planId={props.planId} />
      </div>
      <DataProblems problems={props.target.problems} />
      {canEdit ? (
        <ImportSteps planId={props.planId} target={props.target} />
      ) : (
        <Notice intent="info" title="Read only">
          You can view this plan but not change it, so you cannot import into it. You can export its register.
        </Notice>
      )}
    </>
  );
}

function ImportSteps(props: { planId: string; target: ImportTarget }) {
  const styles = useStyles();
  const flow = useImport(props.planId, props.target);
  const { stage, source, preview } = flow;
  const view = useMemo(
    () =>
      preview && source
        ? previewView({
            tables: source.tables,
            draft: preview.result.draft,
            changes: preview.result.changes,
            people: preview.result.people,
            scale: preview.target.scale,
            skip: flow.choices.skip,
          })
        : null,
    [preview, source, flow.choices.skip],
  );
  const priorities = useMemo(
    () => [...props.target.existing.priorities].sort(byPriorityNumber),
    [props.target.existing.priorities],
  );
  // Each step's heading takes the focus when it comes, so a screen reader follows.
  const stepHeading = useRef<HTMLElement>(null);
  const stepKey = stage.kind === 'review' && !view ? 'reading' : stage.kind;
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [stepKey]);

  if (stage.kind === 'writing')
    return (
      <section className={styles.step} aria-labelledby="import-step">
        <StepTitle id="import-step" headingRef={stepHeading}>
          Importing {source?.label}
        </StepTitle>
        <WriteProgress progress={stage.progress} cancelling={stage.cancelling} onCancel={flow.cancel} />
      </section>
    );

  if (stage.kind === 'done' || stage.kind === 'failed')
    return (
      <section className={styles.step} aria-labelledby="import-step">
        <StepTitle id="import-step" headingRef={stepHeading}>
          {stage.kind === 'done' ? 'Import summary' : 'The import stopped'}
        </StepTitle>
        {stage.kind === 'done' ? (
          <ImportSummary
            summary={stage.summary}
            mappingError={stage.mappingError}
            priorities={priorities}
            planId={props.planId}
            onResume={flow.resume}
            onRestart={flow.restart}
          />
        ) : (
          <>
            <ErrorMessage error={stage.error} />
            <Text>What was written stays written. Resume to write the rest.</Text>
            <div className={styles.source}>
              <Button appearance="primary" onClick={flow.resume}>
                Resume the import
              </Button>
              <Button onClick={flow.restart}>Import another file</Button>
            </div>
          </>
        )}
      </section>
    );

  return (
    <>
      <section className={styles.step} aria-labelledby="import-source">
        <StepTitle id="import-source" headingRef={stage.kind === 'choose' ? stepHeading : undefined}>
          1. Choose the plan’s file
        </StepTitle>
        {source ? (
          <div className={styles.source}>
            <Text>
              Read from {source.label}: {source.tables.length}{' '}
              {source.tables.length === 1 ? 'table' : 'tables'}.
            </Text>
            <Button size="small" onClick={flow.restart}>
              Choose another file
            </Button>
          </div>
        ) : (
          <SourcePicker reading={flow.reading} onFile={flow.readFile} onPaste={flow.readPaste} />
        )}
        {flow.problem !== null && <ReadProblem error={flow.problem} />}
      </section>
      {source && !view && flow.problem === null && <Spinner label="Reading the rows…" />}
      {source && view && (
        <>
          <section className={styles.step} aria-labelledby="import-columns">
            <StepTitle id="import-columns" headingRef={stepHeading}>
              2. Check the columns
            </StepTitle>
            <ColumnMappings tables={view.tables} sources={source.tables} onChange={flow.mapColumn} />
          </section>
          <section className={styles.step} aria-labelledby="import-preview">
            <StepTitle id="import-preview">3. Preview</StepTitle>
            <PreviewPanel
              view={view}
              sources={source.tables}
              updating={flow.previewing}
              onSkip={flow.skipRows}
              onEdit={flow.editRow}
              onImport={flow.write}
            />
          </section>
        </>
      )}
    </>
  );
}

function StepTitle(props: { id: string; headingRef?: Ref<HTMLElement> | undefined; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Text
      as="h2"
      id={props.id}
      size={500}
      weight="semibold"
      className={styles.stepTitle}
      ref={props.headingRef}
      tabIndex={-1}
    >
      {props.children}
    </Text>
  );
}

/** A file or paste that cannot be read says why in the reader's own words, naming the file. */
function ReadProblem(props: { error: unknown }) {
  if (props.error instanceof ImportFileError)
    return (
      <Notice intent="error" title="This cannot be imported">
        {props.error.message}
      </Notice>
    );
  return <ErrorMessage error={props.error} />;
}
