import type { FormViewProps } from './FormPhase';

/** Placeholder until the survey view lands. */
export function SurveyView(props: FormViewProps) {
  return <div data-testid="survey.root">{props.form().sections.length}</div>;
}
