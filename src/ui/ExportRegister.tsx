import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { exportRegisterMutation, type RegisterFormat } from '../plan/import/export-plan';
import { downloadFile } from './download';
import { ErrorMessage } from './ErrorMessage';
import { Notice } from './Notice';
import { usePlanStore } from './store-context';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  messages: { flexBasis: '100%' },
});

const FORMATS: { format: RegisterFormat; label: string }[] = [
  { format: 'xlsx', label: 'Export register (.xlsx)' },
  { format: 'csv', label: 'Export register (.csv)' },
];

/**
 * The plan's action register as an Excel workbook or a CSV file, archived items
 * left out, in the columns the import reads back.
 */
export function ExportRegister(props: { planId: string }) {
  const styles = useStyles();
  const exporting = useMutation({
    ...exportRegisterMutation(usePlanStore(), props.planId),
    onSuccess: (exported) => downloadFile(exported.file),
  });
  const leftOut = exporting.data?.problems.length ?? 0;
  return (
    <div role="group" aria-label="Export the action register" className={styles.group}>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          size="small"
          icon={
            exporting.isPending && exporting.variables === format ? (
              <Spinner size="extra-tiny" />
            ) : (
              <ArrowDownloadRegular />
            )
          }
          disabledFocusable={exporting.isPending}
          onClick={() => exporting.mutate(format)}
        >
          {label}
        </Button>
      ))}
      {exporting.isError && (
        <div className={styles.messages}>
          <ErrorMessage error={exporting.error} />
        </div>
      )}
      {leftOut > 0 && (
        <div className={styles.messages}>
          <Notice intent="warning">
            {leftOut} {leftOut === 1 ? 'item does' : 'items do'} not fit the plan and{' '}
            {leftOut === 1 ? 'is' : 'are'} not in the file.
          </Notice>
        </div>
      )}
    </div>
  );
}
