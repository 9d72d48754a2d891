import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { Action, RatingScale, Stored } from '../../domain';
import type { ActionDetailData } from '../../plan/action-detail';
import { saveActionMutation } from '../../plan/action-edit';
import { ValidationError } from '../../plan/errors';
import { ConflictPanel } from '../../ui/ConflictPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useETagSave } from '../../ui/use-etag-save';
import { conflictRows } from './conflict-diff';
import { ConflictTable } from './ConflictTable';
import { DetailsFields } from './DetailsFields';
import { EvidenceFields } from './EvidenceFields';
import { serverIssuesFor, toActionChanges, type ActionFormValues } from './form-model';
import { PageSection } from '../../ui/PageSection';
import { ProgressFields } from './ProgressFields';
import { useActionForm } from './use-action-form';
import { FormProblems } from '../../ui/FormProblems';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  state: { color: tokens.colorNeutralForeground2 },
});

/** Every field of the action, for members and owners; saved with If-Match. */
export function ActionEditor(props: { detail: ActionDetailData; scale: RatingScale }) {
  const styles = useStyles();
  const { detail, scale } = props;
  const form = useActionForm(detail.action);
  const { person } = useSession();
  const saver = useETagSave(saveActionMutation(usePlanStore(), useQueryClient(), person));
  const { conflict } = saver;

  function submit(base: Stored<Action>, values: ActionFormValues) {
    const changes = toActionChanges(values, base, detail.plan);
    if (!changes.ok) {
      saver.settle();
      form.showIssues(changes.issues);
      return;
    }
    void saver.save({ action: base, ...changes.value }).then((attempt) => {
      if (attempt.kind === 'saved') form.reset(attempt.result.value);
      if (
        attempt.kind === 'failed' &&
        attempt.error instanceof ValidationError &&
        attempt.error.issues.length
      )
        form.showIssues(serverIssuesFor(attempt.error.issues, values));
    });
  }

  const failure = saver.failure?.error;
  const showFailure =
    failure !== undefined && !(failure instanceof ValidationError && failure.issues.length > 0);
  return (
    <form
      ref={form.errors.formRef}
      className={styles.form}
      aria-label="Edit the action"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(form.base, form.values);
      }}
    >
      <PageSection title="About the action">
        <DetailsFields form={form} />
      </PageSection>
      <PageSection title="Progress">
        <ProgressFields form={form} scale={scale} requireProgressNote={detail.plan.requireProgressNote} />
      </PageSection>
      <PageSection title="Evidence">
        <EvidenceFields form={form} />
      </PageSection>
      {conflict && (
        <ConflictPanel
          title="Someone else changed this action since you opened it"
          busy={saver.pending}
          onReapply={() => submit(conflict.latest, form.rebase(conflict.latest))}
          onDiscard={() => {
            form.reset(conflict.latest);
            saver.settle();
          }}
        >
          <ConflictTable rows={conflictRows(form.base, conflict.latest, form.values, scale)} />
        </ConflictPanel>
      )}
      {showFailure && <ErrorMessage error={failure} />}
      <FormProblems errors={form.errors} />
      <div className={styles.bar}>
        <Button
          type="submit"
          appearance="primary"
          disabled={!form.dirty || saver.pending || conflict !== null}
        >
          {saver.pending ? 'Saving…' : 'Save changes'}
        </Button>
        <Button
          disabled={!form.dirty || saver.pending}
          onClick={() => {
            form.reset(form.base);
            saver.settle();
          }}
        >
          Undo changes
        </Button>
        <Text className={styles.state} role="status">
          {form.dirty
            ? `${form.changed.length} unsaved ${form.changed.length === 1 ? 'change' : 'changes'}`
            : saver.saved
              ? 'Changes saved'
              : 'No unsaved changes'}
        </Text>
      </div>
    </form>
  );
}
