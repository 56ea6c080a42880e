import type { FormViewProps } from './FormPhase';

/** Placeholder until the matrix view lands. */
export function MatrixView(props: FormViewProps) {
  return <div data-testid="matrix.root">{props.form().sections.length}</div>;
}
