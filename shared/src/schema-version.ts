/**
 * Version of the document layout (which shared types exist and what they hold). Records carry
 * their own version in field `v`; see records/common.ts and schema.ts.
 */
export const SCHEMA_VERSION = 1;
