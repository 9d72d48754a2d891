import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Switch,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Priority } from '../../domain';
import { fieldState, type FieldMessages } from '../../ui/form-errors';
import { emptyChannel, type ChannelRow, type PolicyForm } from './policy-form';

export const useSectionStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    margin: 0,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  channel: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(160px, 2fr) repeat(2, minmax(140px, 1.5fr)) repeat(2, minmax(140px, 2fr)) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '@media (max-width: 900px)': { gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' },
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  heading: { margin: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  /** Grid cells may shrink below an input's natural width. */
  cell: { minWidth: 0 },
  fill: { width: '100%', minWidth: 0 },
});

export interface SectionProps {
  form: PolicyForm;
  errors: FieldMessages;
  set: <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => void;
}

export function RulesSection({ form, errors, set }: SectionProps) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby="reminder-rules">
      <Text as="h2" id="reminder-rules" size={500} weight="semibold" className={styles.heading}>
        Milestone reminders
      </Text>
      <Switch
        label="Send reminders for this plan"
        checked={form.enabled}
        onChange={(_, d) => set('enabled', d.checked)}
      />
      <div className={styles.row}>
        <Field
          label="Remind before the due date (days)"
          hint="Separate with commas: 14, 7"
          {...fieldState(errors.daysBefore)}
        >
          <Input value={form.daysBefore} onChange={(_, d) => set('daysBefore', d.value)} />
        </Field>
        <Field
          label="Then remind every (days) while overdue"
          hint="Leave empty to stop after the due date"
          {...fieldState(errors.overdueEveryDays)}
        >
          <Input value={form.overdueEveryDays} onChange={(_, d) => set('overdueEveryDays', d.value)} />
        </Field>
        <Field
          label="Escalate to the priority lead after (days overdue)"
          hint="Leave empty never to escalate"
          {...fieldState(errors.escalateAfterDays)}
        >
          <Input value={form.escalateAfterDays} onChange={(_, d) => set('escalateAfterDays', d.value)} />
        </Field>
      </div>
      <Checkbox
        label="Remind on the due date"
        checked={form.onDueDate}
        onChange={(_, d) => set('onDueDate', d.checked === true)}
      />
    </section>
  );
}

export function DatesSection({
  form,
  errors,
  set,
  channels,
}: SectionProps & { channels: readonly ChannelRow[] }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby="reminder-dates">
      <Text as="h2" id="reminder-dates" size={500} weight="semibold" className={styles.heading}>
        Quiet days, reporting deadlines and board meetings
      </Text>
      <Checkbox
        label="No posts at weekends (a reminder due then goes on the next working day)"
        checked={form.weekendsQuiet}
        onChange={(_, d) => set('weekendsQuiet', d.checked === true)}
      />
      <div className={styles.row}>
        <Field
          label="Bank holidays and other quiet days"
          hint="One date a line: 25 Dec 2026"
          {...fieldState(errors.bankHolidays)}
        >
          <Textarea
            value={form.bankHolidays}
            resize="vertical"
            onChange={(_, d) => set('bankHolidays', d.value)}
          />
        </Field>
        <Field
          label="Reporting deadlines"
          hint="Every lead with an open action is asked for an update before each"
          {...fieldState(errors.reportingDeadlines)}
        >
          <Textarea
            value={form.reportingDeadlines}
            resize="vertical"
            onChange={(_, d) => set('reportingDeadlines', d.value)}
          />
        </Field>
        <Field
          label="Board meetings"
          hint="The board’s channel gets the exceptions digest before each"
          {...fieldState(errors.boardDates)}
        >
          <Textarea
            value={form.boardDates}
            resize="vertical"
            onChange={(_, d) => set('boardDates', d.value)}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field
          label="Ask for updates (days before a reporting deadline)"
          {...fieldState(errors.updatesDaysBefore)}
        >
          <Input value={form.updatesDaysBefore} onChange={(_, d) => set('updatesDaysBefore', d.value)} />
        </Field>
        <Field label="Send the digest (days before a board meeting)" {...fieldState(errors.digestDaysBefore)}>
          <Input value={form.digestDaysBefore} onChange={(_, d) => set('digestDaysBefore', d.value)} />
        </Field>
        <Field label="Board’s channel" {...fieldState(errors.boardChannel)}>
          <Select
            className={styles.fill}
            select={{ className: styles.fill }}
            value={form.boardChannel}
            onChange={(_, d) => set('boardChannel', d.value)}
          >
            <option value="">The default channel</option>
            {channelOptions(channels)}
          </Select>
        </Field>
      </div>
    </section>
  );
}

export function ChannelsSection({ form, errors, set }: SectionProps) {
  const styles = useSectionStyles();
  const update = (index: number, patch: Partial<ChannelRow>) =>
    set(
      'channels',
      form.channels.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    );
  return (
    <section className={styles.section} aria-labelledby="reminder-channels">
      <Text as="h2" id="reminder-channels" size={500} weight="semibold" className={styles.heading}>
        Channels
      </Text>
      <Text>
        Each channel has a short key, unique in this plan. The reminder job posts through the Teams Workflows
        webhook named here; its address is kept on the server, never in the plan. “Send now” posts as you and
        needs the team and channel ids.
      </Text>
      {errors.channels ? (
        <Text role="alert" className={styles.problem}>
          {errors.channels}
        </Text>
      ) : null}
      {form.channels.map((channel, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} className={styles.channel}>
            <legend className={styles.legend}>Channel {n}</legend>
            <Field label="Name" className={styles.cell} {...fieldState(errors[`channel:${i}:name`])}>
              <Input
                className={styles.fill}
                value={channel.name}
                onChange={(_, d) => update(i, { name: d.value })}
              />
            </Field>
            <Field label="Key" className={styles.cell} {...fieldState(errors[`channel:${i}:key`])}>
              <Input
                className={styles.fill}
                value={channel.key}
                onChange={(_, d) => update(i, { key: d.value })}
              />
            </Field>
            <Field
              label="Webhook name"
              className={styles.cell}
              {...fieldState(errors[`channel:${i}:webhookName`])}
            >
              <Input
                className={styles.fill}
                value={channel.webhookName}
                onChange={(_, d) => update(i, { webhookName: d.value })}
              />
            </Field>
            <Field label="Team id" className={styles.cell} {...fieldState(errors[`channel:${i}:teamId`])}>
              <Input
                className={styles.fill}
                value={channel.teamId}
                onChange={(_, d) => update(i, { teamId: d.value })}
              />
            </Field>
            <Field
              label="Channel id"
              className={styles.cell}
              {...fieldState(errors[`channel:${i}:channelId`])}
            >
              <Input
                className={styles.fill}
                value={channel.channelId}
                onChange={(_, d) => update(i, { channelId: d.value })}
              />
            </Field>
            <Button
              aria-label={`Remove channel ${n}`}
              onClick={() =>
                set(
                  'channels',
                  form.channels.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </Button>
          </fieldset>
        );
      })}
      <div>
        <Button onClick={() => set('channels', [...form.channels, emptyChannel()])}>Add a channel</Button>
      </div>
    </section>
  );
}

export function RoutingSection({
  form,
  errors,
  set,
  priorities,
}: SectionProps & { priorities: readonly Priority[] }) {
  const styles = useSectionStyles();
  const defaultName = form.channels.find((c) => c.key === form.defaultChannel)?.name;
  return (
    <section className={styles.section} aria-labelledby="reminder-routing">
      <Text as="h2" id="reminder-routing" size={500} weight="semibold" className={styles.heading}>
        Where each priority’s reminders go
      </Text>
      <div className={styles.row}>
        <Field label="Default channel" {...fieldState(errors.defaultChannel)}>
          <Select
            className={styles.fill}
            select={{ className: styles.fill }}
            value={form.defaultChannel}
            onChange={(_, d) => set('defaultChannel', d.value)}
          >
            <option value="">None: reminders are not posted</option>
            {channelOptions(form.channels)}
          </Select>
        </Field>
        {priorities.map((p) => (
          <Field key={p.id} label={`${p.label} ${p.title}`} {...fieldState(errors[`priority:${p.id}`])}>
            <Select
              className={styles.fill}
              select={{ className: styles.fill }}
              value={form.priorityChannels[p.id] ?? ''}
              onChange={(_, d) => set('priorityChannels', { ...form.priorityChannels, [p.id]: d.value })}
            >
              <option value="">{defaultName ? `Default channel (${defaultName})` : 'Default channel'}</option>
              {channelOptions(form.channels)}
            </Select>
          </Field>
        ))}
      </div>
    </section>
  );
}

function channelOptions(channels: readonly ChannelRow[]) {
  return channels
    .filter((c) => c.key.trim() !== '')
    .map((c) => (
      <option key={c.key} value={c.key}>
        {c.name || c.key}
      </option>
    ));
}
