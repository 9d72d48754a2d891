import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Action, RatingScale } from '../../domain';
import { ValidationError } from '../../graph/errors';
import type { Stored } from '../../graph/mapping';
import type { ActionDetailData } from '../../graph/queries';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { conflictRows } from './conflict-diff';
import { DetailsFields } from './DetailsFields';
import { EvidenceFields } from './EvidenceFields';
import { serverIssuesFor, toActionChanges, type ActionFormValues } from './form-model';
import { ConflictPanel } from './ConflictPanel';
import { ProgressFields } from './ProgressFields';
import { PageSection } from './PageSection';
import { useActionForm } from './use-action-form';
import { useSaveAction } from './use-save-action';

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
  const save = useSaveAction();
  const [conflict, setConflict] = useState<Stored<Action> | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (form.attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form.attempt]);

  function submit(base: Stored<Action>, values: ActionFormValues) {
    setSaved(false);
    setFailure(null);
    const changes = toActionChanges(values, base, detail.plan);
    if (!changes.ok) {
      form.showIssues(changes.issues);
      return;
    }
    save.mutate(
      { action: base, ...changes.value },
      {
        onSuccess: (outcome) => {
          if (outcome.kind === 'conflict') {
            setConflict(outcome.latest);
            return;
          }
          setConflict(null);
          form.reset(outcome.value);
          setSaved(true);
        },
        onError: (error) => {
          if (error instanceof ValidationError && error.issues.length > 0)
            form.showIssues(serverIssuesFor(error.issues, values));
          else setFailure(error);
        },
      },
    );
  }

  const problems = Object.keys(form.messages).length;
  return (
    <form
      ref={formRef}
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
          rows={conflictRows(form.base, conflict, form.values, scale)}
          busy={save.isPending}
          onReapply={() => {
            const values = form.rebase(conflict);
            setConflict(null);
            submit(conflict, values);
          }}
          onDiscard={() => {
            form.reset(conflict);
            setConflict(null);
          }}
        />
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      {problems > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Not saved</MessageBarTitle>
            {form.messages[''] ??
              `Check the ${problems === 1 ? 'field' : `${problems} fields`} marked above; nothing you typed has been lost.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar}>
        <Button
          type="submit"
          appearance="primary"
          disabled={!form.dirty || save.isPending || conflict !== null}
        >
          {save.isPending ? 'Saving…' : 'Save changes'}
        </Button>
        <Button
          disabled={!form.dirty || save.isPending}
          onClick={() => {
            form.reset(form.base);
            setConflict(null);
            setFailure(null);
          }}
        >
          Undo changes
        </Button>
        <Text className={styles.state} role="status">
          {form.dirty
            ? `${form.changed.length} unsaved ${form.changed.length === 1 ? 'change' : 'changes'}`
            : saved
              ? 'Changes saved'
              : 'No unsaved changes'}
        </Text>
      </div>
    </form>
  );
}
