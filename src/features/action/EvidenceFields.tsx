import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { fieldState } from '../../ui/form-errors';
import type { ActionForm } from './use-action-form';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, 1fr) minmax(180px, 2fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  remove: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** Evidence links: a title and a web address each; add and remove rows. */
export function EvidenceFields(props: { form: ActionForm }) {
  const styles = useStyles();
  const { values, messages, setEvidence, removeEvidence, addEvidence } = props.form;
  const [added, setAdded] = useState<string | null>(null);
  const addedRef = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (added) addedRef.current?.focus();
  }, [added]);
  const rows = values.evidenceLinks;
  return (
    <div className={styles.root}>
      {rows.length === 0 && <Text className={styles.empty}>No evidence linked yet.</Text>}
      <ul className={styles.list}>
        {rows.map((row, i) => (
          <li key={row.key} className={styles.row}>
            <Field
              label={`Evidence ${i + 1} title`}
              {...fieldState(messages[`evidenceLinks.${row.key}.title`])}
            >
              <Input
                ref={row.key === added ? addedRef : undefined}
                value={row.title}
                onChange={(_, d) => setEvidence(row.key, { title: d.value })}
              />
            </Field>
            <Field
              label={`Evidence ${i + 1} web address`}
              {...fieldState(messages[`evidenceLinks.${row.key}.url`])}
            >
              <Input
                type="url"
                value={row.url}
                placeholder="https://"
                onChange={(_, d) => setEvidence(row.key, { url: d.value })}
              />
            </Field>
            <Button
              className={styles.remove}
              onClick={() => {
                removeEvidence(row.key);
                addButton.current?.focus();
              }}
            >
              Remove evidence {i + 1}
            </Button>
          </li>
        ))}
      </ul>
      {messages.evidenceLinks && <Text role="alert">{messages.evidenceLinks}</Text>}
      <div>
        <Button ref={addButton} onClick={() => setAdded(addEvidence())}>
          Add evidence link
        </Button>
      </div>
    </div>
  );
}
