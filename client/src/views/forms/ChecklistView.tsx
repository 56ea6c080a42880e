import type { FormViewProps } from './FormPhase';

/** Placeholder until the checklist view lands. */
export function ChecklistView(props: FormViewProps) {
  return <div data-testid="checklist.root">{props.form().sections.length}</div>;
}
