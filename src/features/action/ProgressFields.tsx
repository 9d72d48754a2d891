import { Field, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import {
  IMPACT_LABELS,
  IMPACT_RATINGS,
  SUSTAINED_LABELS,
  SUSTAINED_RATINGS,
  type ImpactRating,
  type RatingScale,
  type SustainedRating,
} from '../../domain';
import { fieldState } from '../../ui/form-errors';
import { FIELD_LABELS } from './form-model';
import type { ActionForm } from './use-action-form';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  ratings: {
    display: 'grid',
    alignItems: 'start',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

const asImpact = (value: string): ImpactRating | '' => IMPACT_RATINGS.find((r) => r === value) ?? '';
const asSustained = (value: string): SustainedRating | '' => SUSTAINED_RATINGS.find((r) => r === value) ?? '';

/** The ratings (current progress, impact, sustained) and the progress narrative. */
export function ProgressFields(props: {
  form: ActionForm;
  scale: RatingScale;
  requireProgressNote: boolean;
}) {
  const styles = useStyles();
  const { form, scale } = props;
  const { values, messages, setField } = form;
  const ratingChanged = values.status !== form.base.status;
  const known = scale.ratings.some((r) => r.key === values.status);
  return (
    <div className={styles.fields}>
      <div className={styles.ratings}>
        <Field label={FIELD_LABELS.status} {...fieldState(messages.status)}>
          <Select value={values.status} onChange={(_, d) => setField('status', d.value)}>
            {!known && <option value={values.status}>Not on this plan’s scale ({values.status})</option>}
            {scale.ratings.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={`${FIELD_LABELS.impactRating} (RAG(P))`} {...fieldState(messages.impactRating)}>
          <Select
            value={values.impactRating}
            onChange={(_, d) => setField('impactRating', asImpact(d.value))}
          >
            <option value="">Not rated</option>
            {IMPACT_RATINGS.map((r) => (
              <option key={r} value={r}>
                {IMPACT_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={`${FIELD_LABELS.sustainedRating} (RAG)`} {...fieldState(messages.sustainedRating)}>
          <Select
            value={values.sustainedRating}
            onChange={(_, d) => setField('sustainedRating', asSustained(d.value))}
          >
            <option value="">Not rated</option>
            {SUSTAINED_RATINGS.map((r) => (
              <option key={r} value={r}>
                {SUSTAINED_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {ratingChanged && (
        <Field
          label={FIELD_LABELS.ratingNote}
          required={props.requireProgressNote}
          hint="Why the rating changed: it is kept in the progress history"
          {...fieldState(messages.ratingNote)}
        >
          <Textarea
            resize="vertical"
            value={values.ratingNote}
            onChange={(_, d) => setField('ratingNote', d.value)}
          />
        </Field>
      )}
      <Field label={FIELD_LABELS.progressNarrative} {...fieldState(messages.progressNarrative)}>
        <Textarea
          resize="vertical"
          rows={4}
          value={values.progressNarrative}
          onChange={(_, d) => setField('progressNarrative', d.value)}
        />
      </Field>
    </div>
  );
}
