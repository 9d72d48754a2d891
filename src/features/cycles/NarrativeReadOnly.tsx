import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PriorityNarrative } from '../../domain';
import { TEXT_FIELDS } from './narrative-form';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
  },
  response: { color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

/** A narrative to read: every section with its heading, "Not written" where it is empty. */
export function NarrativeReadOnly(props: { narrative: PriorityNarrative; concern?: string }) {
  const styles = useStyles();
  const { narrative } = props;
  const text = (value: string) =>
    value.trim() ? (
      <Text className={styles.value}>{value}</Text>
    ) : (
      <Text className={styles.empty}>Not written</Text>
    );
  return (
    <dl className={styles.list}>
      {props.concern !== undefined && (
        <>
          <dt className={styles.term}>The inspection concern it answers</dt>
          <dd className={styles.value}>
            {props.concern.trim() ? (
              <blockquote className={styles.quote}>{props.concern}</blockquote>
            ) : (
              text('')
            )}
          </dd>
        </>
      )}
      {TEXT_FIELDS.map((f) => (
        <div key={f.name}>
          <dt className={styles.term}>{f.label}</dt>
          <dd className={styles.value}>{text(narrative[f.name])}</dd>
        </div>
      ))}
      <div>
        <dt className={styles.term}>Barriers and concerns</dt>
        <dd className={styles.value}>
          {narrative.barriers.length === 0 ? (
            text('')
          ) : (
            <ul>
              {narrative.barriers.map((b, i) => (
                <li key={i}>
                  {b.concern} <strong>Mitigation:</strong> {b.response}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt className={styles.term}>Next steps</dt>
        <dd className={styles.value}>{text(narrative.nextSteps)}</dd>
      </div>
    </dl>
  );
}
