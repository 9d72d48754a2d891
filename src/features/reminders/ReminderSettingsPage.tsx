import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeIssues } from '../../domain';
import { defaultReminderPolicy, parseReminderPolicy } from '../../domain/reminders';
import { ValidationError } from '../../plan/errors';
import {
  reminderSettingsQuery,
  savePolicyMutation,
  type ReminderSettingsData,
  type StoredReminderPolicy,
} from '../../plan/reminders/policy';
import { ConflictPanel } from '../../ui/ConflictPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useFormErrors } from '../../ui/form-errors';
import { PageOf } from '../../ui/Page';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useETagSave } from '../../ui/use-etag-save';
import { errorsFromIssues, fromForm, toForm, type PolicyForm } from './policy-form';
import { ChannelsSection, DatesSection, RoutingSection, RulesSection } from './SettingsSections';
import { Notice } from '../../ui/Notice';
import { FormProblems } from '../../ui/FormProblems';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fieldset: {
    border: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
});

/** The programme officer sets the plan's reminder policy; everyone else sees it read-only. */
export function ReminderSettingsPage(props: { planId: string }) {
  const styles = useStyles();
  const settings = useQuery(reminderSettingsQuery(usePlanStore(), props.planId));
  return (
    <PageOf read={settings} loading="Loading the reminder settings…" width="narrow">
      {(data) => (
        <>
          <header className={styles.header}>
            <Text as="h1" size={600} weight="semibold" className={styles.title}>
              Reminder settings
            </Text>
            <Text>{data.policy.planTitle}</Text>
          </header>
          <SettingsForm planId={props.planId} data={data} />
        </>
      )}
    </PageOf>
  );
}

const formOf = (stored: StoredReminderPolicy) => toForm(stored.policy ?? defaultReminderPolicy());

function SettingsForm(props: { planId: string; data: ReminderSettingsData }) {
  const styles = useStyles();
  const { isOwner } = useSession();
  const stored = props.data.policy;
  const [form, setForm] = useState<PolicyForm>(() => formOf(stored));
  const errors = useFormErrors();
  const saver = useETagSave(savePolicyMutation(usePlanStore(), useQueryClient(), props.planId));
  const { conflict } = saver;
  // "Saved" stands until the next edit.
  const [editedSinceSave, setEdited] = useState(false);
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => {
    setEdited(true);
    setForm((current) => ({ ...current, [key]: value }));
  };

  const submit = (current: StoredReminderPolicy) => {
    const read = fromForm(form);
    const checked = parseReminderPolicy(read.policy);
    const found = { ...(checked.ok ? {} : errorsFromIssues(checked.issues)), ...read.errors };
    if (Object.keys(found).length > 0) {
      saver.settle();
      errors.show(found);
      return;
    }
    errors.reset();
    setEdited(false);
    void saver.save({ current, policy: read.policy }).then((attempt) => {
      if (
        attempt.kind === 'failed' &&
        attempt.error instanceof ValidationError &&
        attempt.error.issues.length
      )
        errors.show(errorsFromIssues(attempt.error.issues));
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(stored);
  };
  const failure = saver.failure?.error;
  const showFailure =
    failure !== undefined && !(failure instanceof ValidationError && failure.issues.length > 0);

  return (
    <form
      ref={errors.formRef}
      className={styles.form}
      onSubmit={onSubmit}
      aria-label="Reminder settings"
      noValidate
    >
      {!isOwner ? (
        <Notice intent="info">Only the programme officer can change the reminder settings.</Notice>
      ) : null}
      {stored.issues.length > 0 ? (
        <Notice intent="warning" title="The stored settings are not valid, so no reminders are sent">
          {describeIssues(stored.issues)}. The form starts from the standard settings; saving replaces them.
        </Notice>
      ) : null}
      <fieldset className={styles.fieldset} disabled={!isOwner || saver.pending}>
        <RulesSection form={form} errors={errors.messages} set={set} />
        <ChannelsSection form={form} errors={errors.messages} set={set} />
        <RoutingSection form={form} errors={errors.messages} set={set} priorities={props.data.priorities} />
        <DatesSection form={form} errors={errors.messages} set={set} channels={form.channels} />
      </fieldset>
      <FormProblems errors={errors} />
      {conflict ? (
        <ConflictPanel
          title="Someone else changed these settings since you opened them"
          busy={saver.pending}
          onReapply={() => submit(conflict.latest.policy)}
          onDiscard={() => {
            setForm(formOf(conflict.latest.policy));
            errors.reset();
            saver.settle();
          }}
        />
      ) : null}
      {showFailure ? <ErrorMessage error={failure} /> : null}
      {saver.saved && !editedSinceSave ? <Notice intent="success">Reminder settings saved.</Notice> : null}
      {isOwner ? (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={saver.pending}>
            {saver.pending ? 'Saving…' : 'Save settings'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
