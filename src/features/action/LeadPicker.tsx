import { Button, Combobox, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonRef } from '../../domain';
import { toPersonRef } from '../../plan/people';
import { fieldState } from '../../ui/form-errors';
import { usePeopleSearch } from './use-people-search';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  // Level with the input, below the label.
  remove: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
  option: { display: 'flex', flexDirection: 'column' },
  agency: { color: tokens.colorNeutralForeground3 },
});

/** Chooses the action lead from the directory (by the start of their name), showing each person's agency. */
export function LeadPicker(props: {
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  message: string | undefined;
}) {
  const styles = useStyles();
  const { value, onChange } = props;
  const name = value?.displayName ?? '';
  const [text, setText] = useState(name);
  const [shownFor, setShownFor] = useState(value?.upn ?? null);
  if ((value?.upn ?? null) !== shownFor) {
    // The lead changed outside the picker (a reset, a re-applied conflict): show the new name.
    setShownFor(value?.upn ?? null);
    setText(name);
  }
  const searching = text.trim() !== '' && text !== name;
  const search = usePeopleSearch(text, searching);
  const people = searching ? (search.data ?? []) : [];

  const status = !searching
    ? value
      ? `Agency: ${value.agency || 'not recorded'}`
      : 'Type the start of a name to search the directory'
    : search.isError
      ? 'The directory could not be searched just now'
      : !search.settled || search.isFetching
        ? 'Searching…'
        : people.length === 0
          ? `No one in the directory has a name starting “${text.trim()}”`
          : `${people.length} ${people.length === 1 ? 'person' : 'people'} found: choose one`;

  return (
    <div className={styles.row}>
      <Field label="Lead" hint={status} className={styles.field} {...fieldState(props.message)}>
        <Combobox
          placeholder="Search by name"
          value={text}
          selectedOptions={value ? [value.entraId] : []}
          onChange={(event) => setText(event.target.value)}
          onOptionSelect={(_, data) => {
            const chosen = people.find((p) => p.id === data.optionValue);
            if (!chosen) return;
            const person = toPersonRef(chosen);
            onChange(person);
            setShownFor(person.upn);
            setText(person.displayName);
          }}
          // Leaving the field without choosing someone keeps the lead as it was.
          onBlur={() => setText(name)}
        >
          {people.map((person) => {
            const ref = toPersonRef(person);
            return (
              <Option key={person.id} value={person.id} text={ref.displayName}>
                <span className={styles.option}>
                  <span>{ref.displayName}</span>
                  <Text size={200} className={styles.agency}>
                    {ref.agency || 'Agency not recorded'}
                  </Text>
                </span>
              </Option>
            );
          })}
        </Combobox>
      </Field>
      {value && (
        <Button className={styles.remove} onClick={() => onChange(null)}>
          Remove lead
        </Button>
      )}
    </div>
  );
}
