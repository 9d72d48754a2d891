import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AreaOfWeakness, Stored } from '../../domain';
import { PageSection } from '../../ui/PageSection';
import { ArchivedGroup } from './ArchivedGroup';
import { ItemControls } from './ItemControls';
import { useStructure } from './structure-context';
import type { Split } from './structure-model';
import { WeaknessForm } from './WeaknessForm';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  finding: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
  },
  add: { alignSelf: 'flex-start' },
});

/** The inspection's areas of significant weakness, each finding quoted as written. */
export function WeaknessSection(props: { weaknesses: Split<Stored<AreaOfWeakness>> }) {
  const styles = useStyles();
  const { canEdit } = useStructure();
  const [adding, setAdding] = useState(false);
  const { inUse, archived } = props.weaknesses;
  return (
    <PageSection title="Areas of weakness">
      {inUse.length === 0 && <Text>No areas of weakness recorded yet.</Text>}
      {inUse.length > 0 && (
        <ol className={styles.list} aria-label="Areas of weakness">
          {inUse.map((weakness) => (
            <WeaknessItem key={weakness.id} weakness={weakness} />
          ))}
        </ol>
      )}
      <ArchivedGroup label="areas of weakness" count={archived.length}>
        {archived.map((weakness) => (
          <WeaknessItem key={weakness.id} weakness={weakness} />
        ))}
      </ArchivedGroup>
      {canEdit &&
        (adding ? (
          <WeaknessForm onClose={() => setAdding(false)} />
        ) : (
          <Button className={styles.add} icon={<AddRegular />} onClick={() => setAdding(true)}>
            Add area of weakness
          </Button>
        ))}
    </PageSection>
  );
}

function WeaknessItem({ weakness }: { weakness: Stored<AreaOfWeakness> }) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const name = `area of weakness ${weakness.number}`;
  if (editing) {
    return (
      <li className={styles.item}>
        <WeaknessForm weakness={weakness} onClose={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={styles.item}>
      <Text weight="semibold">Area of weakness {weakness.number}</Text>
      <blockquote className={styles.finding}>“{weakness.finding}”</blockquote>
      <ItemControls
        target={{ kind: 'weakness', id: weakness.id }}
        name={name}
        archived={weakness.archived}
        onEdit={() => setEditing(true)}
      />
    </li>
  );
}
