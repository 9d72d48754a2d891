import { Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { WEAKNESS_OUTCOMES, type AreaOfWeakness, type Stored } from '../../domain';
import type { WeaknessOutcome } from '../../domain/revisit';
import { recordOutcomeMutation } from '../../plan/revisit';
import { ConflictPanel } from '../../ui/ConflictPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Notice } from '../../ui/Notice';
import { usePlanStore } from '../../ui/store-context';
import { useETagSave } from '../../ui/use-etag-save';
import { OUTCOME_TEXT } from './revisit-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  field: { minWidth: 0, maxWidth: '100%', width: '20rem' },
});

/** A member records the inspectors' judgement on one area, saved with the eTag it was read with. */
export function OutcomeForm(props: { planId: string; weakness: Stored<AreaOfWeakness> }) {
  const styles = useStyles();
  const { weakness } = props;
  const [choice, setChoice] = useState<WeaknessOutcome>(weakness.outcome);
  const saver = useETagSave(recordOutcomeMutation(usePlanStore(), useQueryClient(), props.planId));
  const label = `Outcome of area ${weakness.number}`;

  const submit = (current: Stored<AreaOfWeakness>) => void saver.save({ weakness: current, outcome: choice });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(weakness);
  };
  const latest = saver.conflict?.latest.weaknesses.find((w) => w.id === weakness.id);

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label={label} noValidate>
      <div className={styles.row}>
        <Field label={label} className={styles.field}>
          <Select
            value={choice}
            onChange={(_, data) => {
              setChoice(data.value as WeaknessOutcome);
              saver.settle();
            }}
            disabled={saver.pending}
          >
            {WEAKNESS_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {OUTCOME_TEXT[outcome]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={saver.pending}>
          {saver.pending ? 'Saving…' : 'Save outcome'}
        </Button>
      </div>
      {saver.conflict ? (
        <ConflictPanel
          title={`Someone else changed area of weakness ${weakness.number} since you opened it`}
          busy={saver.pending}
          onReapply={() => (latest ? submit(latest) : saver.settle())}
          onDiscard={() => {
            setChoice(latest?.outcome ?? weakness.outcome);
            saver.settle();
          }}
        >
          {latest ? <Text>Its outcome is now: {OUTCOME_TEXT[latest.outcome]}.</Text> : null}
        </ConflictPanel>
      ) : null}
      {saver.failure ? <ErrorMessage error={saver.failure.error} /> : null}
      {saver.saved && saver.saved.outcome === choice ? (
        <Notice intent="success">Outcome saved: {OUTCOME_TEXT[choice]}.</Notice>
      ) : null}
    </form>
  );
}
