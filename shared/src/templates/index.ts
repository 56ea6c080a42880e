import { benefitsMatrix } from './benefits-matrix';
import { blank } from './blank';
import { partnershipCycle } from './partnership-cycle';
import { seminarEvaluation } from './seminar-evaluation';
import type { Template } from './types';
import { worldCafeNgo } from './world-cafe-ngo';

export * from './types';

export const TEMPLATES: readonly Template[] = [worldCafeNgo, benefitsMatrix, partnershipCycle, seminarEvaluation, blank];
export const DEFAULT_TEMPLATE_ID = worldCafeNgo.id;

export const findTemplate = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id);
