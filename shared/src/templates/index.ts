import { blank } from './blank';
import type { Template } from './types';
import { worldCafeNgo } from './world-cafe-ngo';

export * from './types';

export const TEMPLATES: readonly Template[] = [worldCafeNgo, blank];
export const DEFAULT_TEMPLATE_ID = worldCafeNgo.id;

export const findTemplate = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id);
