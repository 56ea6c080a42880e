import * as Y from 'yjs';
import { applyTemplate, readSession, type ApplyTemplateOptions } from './control';
import { initPhaseDoc } from './notes';

export type SessionDocs = { control: Y.Doc; phases: { phaseId: string; doc: Y.Doc }[] };

/**
 * Builds every document of a new session from a template. The browser calls this when it creates a
 * session (offline too); the server calls it for `POST /api/sessions`. Template ids are stable, so
 * the two results merge cleanly if both ever happen for one session.
 */
export function buildSessionDocs(opts: ApplyTemplateOptions): SessionDocs {
  const control = new Y.Doc();
  applyTemplate(control, opts);
  const phases = readSession(control).phases.map((p) => {
    const doc = new Y.Doc();
    initPhaseDoc(doc, opts.sessionId, p.id);
    return { phaseId: p.id, doc };
  });
  return { control, phases };
}
