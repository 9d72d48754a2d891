import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeIssues } from '../../domain';
import { defaultReminderPolicy, parseReminderPolicy } from '../../domain/reminders';
import { ConflictError, ValidationError } from '../../graph/errors';
import type { ReminderSettingsData } from '../../graph/reminder-inputs';
import { useSession } from '../../shared/session';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { errorsFromIssues, fromForm, toForm, type FormErrors, type PolicyForm } from './policy-form';
import { ChannelsSection, DatesSection, RoutingSection, RulesSection } from './SettingsSections';
import { useReminderSettings, useSaveReminderPolicy } from './use-reminder-data';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '1100px',
  },
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
  const settings = useReminderSettings(props.planId);
  if (settings.isPending) return <Spinner label="Loading the reminder settings…" />;
  if (settings.isError) return <ErrorMessage error={settings.error} />;
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Reminder settings
        </Text>
        <Text>{settings.data.policy.planTitle}</Text>
      </header>
      <SettingsForm planId={props.planId} data={settings.data} reload={() => settings.refetch()} />
    </main>
  );
}

function SettingsForm(props: {
  planId: string;
  data: ReminderSettingsData;
  reload: () => Promise<{ data?: ReminderSettingsData }>;
}) {
  const styles = useStyles();
  const { isOwner } = useSession();
  const stored = props.data.policy;
  const [form, setForm] = useState<PolicyForm>(() => toForm(stored.policy ?? defaultReminderPolicy()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = useSaveReminderPolicy(props.planId);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // After a refused save, take keyboard and screen reader users to the first field to fix.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => {
    setSaved(false);
    setForm((current) => ({ ...current, [key]: value }));
  };

  const submit = (current = stored) => {
    setFailure(null);
    setSaved(false);
    const read = fromForm(form);
    const checked = parseReminderPolicy(read.policy);
    const found = { ...(checked.ok ? {} : errorsFromIssues(checked.issues)), ...read.errors };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate(
      { current, policy: read.policy },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          if (error instanceof ValidationError && error.issues.length > 0)
            setErrors(errorsFromIssues(error.issues));
          else setFailure(error);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const formProblem = errors[''];

  return (
    <form ref={formRef} className={styles.form} onSubmit={onSubmit} aria-label="Reminder settings" noValidate>
      {!isOwner ? (
        <MessageBar intent="info">
          <MessageBarBody>Only the programme officer can change the reminder settings.</MessageBarBody>
        </MessageBar>
      ) : null}
      {stored.issues.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The stored settings are not valid, so no reminders are sent</MessageBarTitle>
            {describeIssues(stored.issues)}. The form starts from the standard settings; saving replaces them.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <fieldset className={styles.fieldset} disabled={!isOwner || save.isPending}>
        <RulesSection form={form} errors={errors} set={set} />
        <ChannelsSection form={form} errors={errors} set={set} />
        <RoutingSection form={form} errors={errors} set={set} priorities={props.data.priorities} />
        <DatesSection form={form} errors={errors} set={set} channels={form.channels} />
      </fieldset>
      {Object.keys(errors).length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            Nothing was saved: {formProblem ? `${formProblem}.` : 'see the messages on the fields.'}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {failure instanceof ConflictError ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Someone else changed these settings since you opened them</MessageBarTitle>
            Nothing has been saved and your changes are still in the form.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={async () => {
                const latest = await props.reload();
                if (latest.data) submit(latest.data.policy);
              }}
            >
              Save mine over theirs
            </Button>
            <Button
              onClick={async () => {
                const latest = await props.reload();
                if (latest.data) setForm(toForm(latest.data.policy.policy ?? defaultReminderPolicy()));
                setFailure(null);
                setErrors({});
              }}
            >
              Discard mine
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : failure !== null ? (
        <ErrorMessage error={failure} />
      ) : null}
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>Reminder settings saved.</MessageBarBody>
        </MessageBar>
      ) : null}
      {isOwner ? (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
