import { Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RISK_TRENDS, type Risk } from '../../domain';
import {
  CONSEQUENCE_TEXT,
  LIKELIHOOD_TEXT,
  RISK_BAND_TEXT,
  RISK_SCORE_MAX,
  RISK_SCORE_MIN,
  RISK_TREND_TEXT,
  riskBand,
} from '../../domain/risks';
import { ValidationError } from '../../plan/errors';
import type { RiskCommand, RisksData } from '../../plan/risks';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { FormFrame } from '../../ui/FormFrame';
import type { RiskAttempt } from './use-risk-command';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  score: { alignSelf: 'end', margin: 0 },
});

type RiskValues = Record<
  'title' | 'consequence' | 'likelihood' | 'mitigation' | 'owner' | 'trend' | 'priorityId',
  string
>;

function valuesOf(risk: Risk | undefined): RiskValues {
  return {
    title: risk?.title ?? '',
    consequence: risk ? String(risk.consequence) : '',
    likelihood: risk ? String(risk.likelihood) : '',
    mitigation: risk?.mitigation ?? '',
    owner: risk?.owner ?? '',
    trend: risk?.trend ?? 'steady',
    priorityId: risk?.priorityId ?? '',
  };
}

/**
 * Adds a risk (no `risk`) or edits one. A refused save keeps what was typed and
 * shows each message on its field, focus on the first; after a conflict the page
 * shows the register as it is now, and saving again applies this form on top.
 */
export function RiskForm(props: {
  data: RisksData;
  risk?: Risk;
  run: (command: RiskCommand) => Promise<RiskAttempt>;
  pending: boolean;
  onSaved: (title: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { data, risk } = props;
  const [values, setValues] = useState<RiskValues>(() => valuesOf(risk));
  const errors = useFormErrors();
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const set = (field: keyof RiskValues, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.reset();
    setConflict(false);
    setFailure(null);
    const attempt = await props.run(
      risk ? { do: 'edit', data, id: risk.id, input: values } : { do: 'add', data, input: values },
    );
    if (attempt.kind === 'saved') props.onSaved(values.title.trim());
    else if (attempt.kind === 'conflict') setConflict(true);
    else if (attempt.error instanceof ValidationError && attempt.error.issues.length > 0)
      errors.show(messagesOf(attempt.error.issues));
    else setFailure(attempt.error);
  };

  const label = risk ? `Edit risk: ${risk.title}` : 'Add a risk';
  return (
    <FormFrame
      label={label}
      form={{ errors, submit, pending: props.pending, conflict, failure }}
      submitLabel={risk ? 'Save risk' : 'Add risk'}
      conflictTitle="Someone else changed the risk register"
      onCancel={props.onCancel}
    >
      <Field
        label="Risk"
        hint="What might happen, and what it would mean"
        required
        {...errors.field('title')}
      >
        <Input ref={titleRef} value={values.title} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field
          label="Consequence"
          hint={`${RISK_SCORE_MIN} ${CONSEQUENCE_TEXT[RISK_SCORE_MIN]} to ${RISK_SCORE_MAX} ${CONSEQUENCE_TEXT[RISK_SCORE_MAX]}`}
          required
          {...errors.field('consequence')}
        >
          <Input
            inputMode="numeric"
            value={values.consequence}
            onChange={(_, d) => set('consequence', d.value)}
          />
        </Field>
        <Field
          label="Likelihood"
          hint={`${RISK_SCORE_MIN} ${LIKELIHOOD_TEXT[RISK_SCORE_MIN]} to ${RISK_SCORE_MAX} ${LIKELIHOOD_TEXT[RISK_SCORE_MAX]}`}
          required
          {...errors.field('likelihood')}
        >
          <Input
            inputMode="numeric"
            value={values.likelihood}
            onChange={(_, d) => set('likelihood', d.value)}
          />
        </Field>
        <ScorePreview consequence={values.consequence} likelihood={values.likelihood} />
      </div>
      <div className={styles.row}>
        <Field label="Priority" {...errors.field('priorityId')}>
          <Select value={values.priorityId} onChange={(_, d) => set('priorityId', d.value)}>
            <option value="">Whole plan</option>
            {data.priorities.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}: {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner" hint="Who manages the risk" {...errors.field('owner')}>
          <Input value={values.owner} onChange={(_, d) => set('owner', d.value)} />
        </Field>
        <Field label="Trend" {...errors.field('trend')}>
          <Select value={values.trend} onChange={(_, d) => set('trend', d.value)}>
            {RISK_TRENDS.map((trend) => (
              <option key={trend} value={trend}>
                {RISK_TREND_TEXT[trend]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Mitigation" hint="What is being done to reduce it" {...errors.field('mitigation')}>
        <Textarea
          value={values.mitigation}
          resize="vertical"
          onChange={(_, d) => set('mitigation', d.value)}
        />
      </Field>
    </FormFrame>
  );
}

/** The score and band the two scores make, as the person types them. */
function ScorePreview(props: { consequence: string; likelihood: string }) {
  const styles = useStyles();
  const [c, l] = [Number(props.consequence), Number(props.likelihood)];
  const valid = (n: number) => Number.isInteger(n) && n >= RISK_SCORE_MIN && n <= RISK_SCORE_MAX;
  const text =
    props.consequence.trim() && props.likelihood.trim() && valid(c) && valid(l)
      ? `Score ${c * l}: ${RISK_BAND_TEXT[riskBand(c * l)]}`
      : 'Score: consequence × likelihood';
  return (
    <Text as="p" weight="semibold" className={styles.score}>
      {text}
    </Text>
  );
}
