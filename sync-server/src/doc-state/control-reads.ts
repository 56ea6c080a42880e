import type * as Y from 'yjs';
import { definedPhaseIds, readControlFacts, type ControlFacts } from '@wcb/shared';

/**
 * What the server reads from a control room's doc: the access facts every write of the session
 * is decided by (locks, open voting), and which phases exist (admissions to phase rooms). Read
 * once and kept until the doc changes, so a quiet control doc can be frozen (live-doc.ts) without
 * being rebuilt for each write or admission it decides.
 */
export class ControlReads {
  private facts: ControlFacts | 'unreadable' | null = null;
  private phases: ReadonlySet<string> | null = null;

  constructor(
    private readonly doc: () => Y.Doc,
    /** Told when the doc cannot be read (a malformed record an older version stored). */
    private readonly onUnreadable: (error: unknown) => void,
  ) {}

  /** The access facts; 'unreadable' fails closed (phase and votes rooms read-only until repaired). */
  accessFacts(): ControlFacts | 'unreadable' {
    if (this.facts === null) {
      try {
        this.facts = readControlFacts(this.doc());
      } catch (error) {
        this.onUnreadable(error);
        this.facts = 'unreadable';
      }
    }
    return this.facts;
  }

  /** Whether the session defines phase `phaseId`; an unreadable doc defines nothing. */
  definesPhase(phaseId: string): boolean {
    if (this.phases === null) {
      try {
        this.phases = definedPhaseIds(this.doc());
      } catch {
        this.phases = new Set();
      }
    }
    return this.phases.has(phaseId);
  }

  /** Reads everything now: the doc is about to be frozen. */
  readAll(): void {
    this.accessFacts();
    this.definesPhase('');
  }

  /** The doc changed: read again when next asked. */
  changed(): void {
    this.facts = null;
    this.phases = null;
  }
}

