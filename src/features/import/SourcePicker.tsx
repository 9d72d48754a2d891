import {
  Button,
  Field,
  makeStyles,
  mergeClasses,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { ChosenFile } from '../../plan/import/import-source';
import type { PastedContent } from '../../plan/import/paste';
import { useVisuallyHiddenClass } from '../../ui/VisuallyHidden';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  choose: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The file input is hidden but keeps the focus: its label shows where it is.
  input: {
    ':focus-visible + label': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  paste: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  textarea: { width: '100%' },
});

const ACCEPT = [
  '.docx',
  '.xlsx',
  '.csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
].join(',');

/**
 * Step 1: a Word document, an Excel workbook or a CSV file (chosen or dropped), or a
 * table pasted from Word or Excel. A paste keeps the clipboard's HTML, which holds
 * the table's cells as Word and Excel copied them, beside its plain text.
 */
export function SourcePicker(props: {
  reading: boolean;
  onFile: (file: ChosenFile) => void;
  onPaste: (pasted: PastedContent) => void;
}) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenClass();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [text, setText] = useState('');
  const pastedHtml = useRef<string | undefined>(undefined);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) props.onFile(file);
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = event.clipboardData.getData('text/html');
    const plain = event.clipboardData.getData('text/plain');
    if (html.trim() === '' && plain.trim() === '') return;
    // The table is read at once; the box shows what was pasted.
    event.preventDefault();
    pastedHtml.current = html || undefined;
    setText(plain);
    props.onPaste({ ...(html ? { html } : {}), text: plain });
  };

  return (
    <div className={styles.root}>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text weight="semibold">Drop the plan’s file here</Text>
        <Text className={styles.muted}>A Word document (.docx), an Excel workbook (.xlsx) or a CSV file</Text>
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          className={mergeClasses(hidden, styles.input)}
          disabled={props.reading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared, so that choosing the same file again (after fixing it) reads it again.
            event.target.value = '';
            if (file) props.onFile(file);
          }}
        />
        <label htmlFor={inputId} className={styles.choose}>
          <ArrowUploadRegular aria-hidden />
          Choose a file
        </label>
      </div>
      <div className={styles.paste}>
        <Field
          label="Or paste a table from Word or Excel"
          hint="Select the table’s rows, heading row included, copy them and paste here: the preview follows."
          className={styles.textarea}
        >
          <Textarea
            value={text}
            resize="vertical"
            rows={4}
            disabled={props.reading}
            onPaste={onPaste}
            onChange={(_, data) => {
              pastedHtml.current = undefined;
              setText(data.value);
            }}
          />
        </Field>
        <Button
          disabled={props.reading || text.trim() === ''}
          onClick={() => props.onPaste({ ...(pastedHtml.current ? { html: pastedHtml.current } : {}), text })}
        >
          Read the pasted table
        </Button>
      </div>
      {props.reading && <Spinner size="small" label="Reading the tables…" />}
    </div>
  );
}
