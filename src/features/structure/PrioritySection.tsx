import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ArchivedGroup } from './ArchivedGroup';
import { PriorityForm } from './PriorityForm';
import { PriorityItem } from './PriorityItem';
import { PageSection } from '../../ui/PageSection';
import { useStructure } from './structure-context';
import type { PriorityNode, Split } from './structure-model';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  add: { alignSelf: 'flex-start' },
});

/** The improvement priorities, each with its focus areas and actions. */
export function PrioritySection(props: { priorities: Split<PriorityNode> }) {
  const styles = useStyles();
  const { canEdit } = useStructure();
  const [adding, setAdding] = useState(false);
  const { inUse, archived } = props.priorities;
  return (
    <PageSection title="Priorities, focus areas and actions">
      {inUse.length === 0 && <Text>No priorities yet.</Text>}
      {inUse.length > 0 && (
        <ol className={styles.list} aria-label="Priorities">
          {inUse.map((node) => (
            <PriorityItem key={node.priority.id} node={node} />
          ))}
        </ol>
      )}
      <ArchivedGroup label="priorities" count={archived.length}>
        {archived.map((node) => (
          <PriorityItem key={node.priority.id} node={node} />
        ))}
      </ArchivedGroup>
      {canEdit &&
        (adding ? (
          <PriorityForm onClose={() => setAdding(false)} />
        ) : (
          <Button className={styles.add} icon={<AddRegular />} onClick={() => setAdding(true)}>
            Add priority
          </Button>
        ))}
    </PageSection>
  );
}
