import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { ImportProgress } from '../../plan/import/import-write';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '600px' },
  cancel: { alignSelf: 'flex-start' },
});

/** Step 4: the writing, 20 items to a batch; cancelling stops before the next batch. */
export function WriteProgress(props: {
  progress: ImportProgress;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { done, total } = props.progress;
  const said = total === 0 ? 'Preparing…' : `${done} of ${total} written`;
  return (
    <div className={styles.root}>
      <Field
        label="Writing to the plan"
        validationState="none"
        validationMessage={props.cancelling ? `${said}: stopping after this batch…` : said}
      >
        <ProgressBar value={done} max={Math.max(total, 1)} thickness="large" />
      </Field>
      <Button className={styles.cancel} disabledFocusable={props.cancelling} onClick={props.onCancel}>
        Cancel
      </Button>
    </div>
  );
}
