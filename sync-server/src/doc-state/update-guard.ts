/**
 * The gate every Yjs update passes before a room holds it (PROTOCOL.md, "Update rules"):
 * content of the kinds the model writes, within the limits of update-rules.ts, and shared
 * types nested no deeper than maxTypeDepth. Yjs code recurses through nested types (delete,
 * toJSON, garbage collection), so a chain of 10,000 maps parses, merges and encodes, yet
 * throws in every browser that deletes or reads it.
 */
import * as Y from 'yjs';
import { countStructs } from './struct-scan';
import { GONE, ParentIndex, UNKNOWN, rootRef, typeRef, type ParentRef } from './parent-index';
import { InvalidUpdate, UPDATE_LIMITS, checkContent, checkString, type UpdateLimits } from './update-rules';

type Struct = Y.Item | Y.GC | Y.Skip;
const NO_PARENTS: ReadonlyMap<Y.Item, ParentRef> = new Map();
const NO_DEPTHS: ReadonlyMap<ParentRef, number> = new Map();
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** An update that passed inspect(): its structs, and where each item lives. */
export interface CheckedUpdate {
  readonly structs: readonly Struct[];
  readonly ds: DeleteSet;
  readonly parents: ReadonlyMap<Y.Item, ParentRef>;
  readonly typeDepths: ReadonlyMap<ParentRef, number>;
}

export class UpdateGuard {
  private readonly index = new ParentIndex();
  /** Loaded state not indexed yet: indexing decodes it all, so it waits for the first write. */
  private unindexed: (() => Uint8Array) | null = null;

  constructor(private readonly limits: UpdateLimits = UPDATE_LIMITS) {}

  /**
   * The room loaded this state (read from `state()` when first needed). Most rooms opened are
   * only read (a projector, a late reader): they never pay for the index.
   */
  loaded(state: () => Uint8Array): void {
    this.unindexed = state;
  }

  /**
   * Throws InvalidUpdate unless the room may hold `update`. Changes nothing the room holds.
   * `counted`: the caller already ran countStructs on these bytes with these limits (protocol.ts
   * charges the sender before anything decodes), so the scan is not repeated.
   */
  inspect(update: Uint8Array, counted = false): CheckedUpdate {
    if (!counted) countStructs(update, this.limits.maxStructs, this.limits.maxValueDepth); // before Yjs allocates them
    const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
    checkShape(structs, ds, this.limits);
    // Nothing to place (the step 2 every reader sends, a deletion): the index can wait.
    if (!structs.some((s) => s instanceof Y.Item)) return { structs, ds, parents: NO_PARENTS, typeDepths: NO_DEPTHS };
    this.indexLoaded();
    const placement = new Placement(structs, this.index, this.limits, true);
    return { structs, ds, ...placement.place() };
  }

  /** Remembers where the items of an update the room now holds live. */
  record(update: CheckedUpdate): void {
    if (update.structs.length === 0) return;
    this.indexLoaded();
    for (const struct of update.structs) {
      const { client, clock } = struct.id;
      if (struct instanceof Y.Item) this.index.add(client, clock, struct.length, update.parents.get(struct) ?? UNKNOWN);
      else if (struct instanceof Y.GC) this.index.add(client, clock, struct.length, GONE);
    }
    for (const [ref, depth] of update.typeDepths) this.index.recordType(ref, depth);
  }

  /**
   * Indexes state the room loaded. Stored state is never refused here (an older version may
   * have stored anything, see sanitize.ts): types whose depth cannot be known take no children types.
   */
  recordState(state: Uint8Array): void {
    this.indexLoaded();
    const { structs, ds } = Y.decodeUpdate(state) as { structs: Struct[]; ds: DeleteSet };
    const placement = new Placement(structs, this.index, this.limits, false);
    this.record({ structs, ds, ...placement.place() });
  }

  private indexLoaded(): void {
    const state = this.unindexed;
    if (!state) return;
    this.unindexed = null;
    this.recordState(state());
  }
}

/** Clocks, client counts, strings and content kinds: everything decidable item by item. */
function checkShape(structs: readonly Struct[], ds: DeleteSet, limits: UpdateLimits): void {
  const clients = new Set<number>();
  const clock = (client: number, end: number): void => {
    if (client > limits.maxClientId) throw new InvalidUpdate(`client id past ${limits.maxClientId}`);
    clients.add(client);
    if (end > limits.maxClock) throw new InvalidUpdate(`clock past ${limits.maxClock}`);
  };
  for (const struct of structs) {
    clock(struct.id.client, struct.id.clock + struct.length);
    if (!(struct instanceof Y.Item)) continue;
    checkContent(struct.content, limits);
    if (typeof struct.parent === 'string') checkString(struct.parent, limits, 'root type name');
    if (struct.parentSub !== null) checkString(struct.parentSub, limits, 'map key');
  }
  for (const [client, items] of ds.clients) for (const { clock: c, len } of items) clock(client, c + len);
  if (clients.size > limits.maxClients) throw new InvalidUpdate(`more than ${limits.maxClients} clients`);
}

/** Resolves, for one update, the parent of every item and the depth of every new shared type. */
class Placement {
  /** This update's structs per client, in clock order (as Yjs encodes them). */
  private readonly local = new Map<number, Struct[]>();
  private readonly parents = new Map<Y.Item, ParentRef>();
  private readonly depths = new Map<ParentRef, number>();

  constructor(
    private readonly structs: readonly Struct[],
    private readonly index: ParentIndex,
    private readonly limits: UpdateLimits,
    private readonly strict: boolean,
  ) {
    for (const struct of structs) {
      const list = this.local.get(struct.id.client);
      if (list) list.push(struct);
      else this.local.set(struct.id.client, [struct]);
    }
  }

  place(): { parents: Map<Y.Item, ParentRef>; typeDepths: Map<ParentRef, number> } {
    for (const struct of this.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const parent = this.parentOf(struct);
      if (!(struct.content instanceof Y.ContentType)) continue;
      const depth = this.depthOf(parent) + 1;
      if (this.strict && depth > this.limits.maxTypeDepth) {
        throw new InvalidUpdate(
          Number.isFinite(depth) ? `shared types nested deeper than ${this.limits.maxTypeDepth}` : 'shared type in a place the room does not hold',
        );
      }
      this.depths.set(typeRef(struct.id.client, struct.id.clock), depth);
    }
    return { parents: this.parents, typeDepths: this.depths };
  }

  /** The struct of this update that holds `id`, if any. */
  private find(id: Y.ID): Struct | undefined {
    const list = this.local.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.id.clock <= id.clock) lo = mid + 1;
      else hi = mid;
    }
    const struct = list[lo - 1];
    return struct && struct.id.clock + struct.length > id.clock ? struct : undefined;
  }

  /**
   * As Yjs's Item.getMissing decides it: the explicit parent, else the left neighbour's parent
   * (the right one's without a left). Iterative with memo: neighbour chains can be long.
   */
  private parentOf(item: Y.Item): ParentRef {
    const path: Y.Item[] = [];
    const visiting = new Set<Y.Item>();
    let current = item;
    let found: ParentRef;
    for (;;) {
      const known = this.parents.get(current);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (visiting.has(current)) {
        found = UNKNOWN; // a neighbour cycle: Yjs never integrates it
        break;
      }
      visiting.add(current);
      path.push(current);
      if (current.parent !== null) {
        found = this.explicitParent(current.parent as string | Y.ID);
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (neighbour === null) {
        found = GONE;
        break;
      }
      const local = this.find(neighbour);
      if (local instanceof Y.Item) current = local;
      else {
        found = local ? (local instanceof Y.GC ? GONE : UNKNOWN) : this.index.parentOf(neighbour.client, neighbour.clock);
        break;
      }
    }
    for (const step of path) this.parents.set(step, found);
    return found;
  }

  private explicitParent(parent: string | Y.ID): ParentRef {
    if (typeof parent === 'string') return rootRef(parent);
    const ref = typeRef(parent.client, parent.clock);
    const local = this.find(parent);
    if (local) {
      if (local instanceof Y.GC) return GONE;
      if (local instanceof Y.Item && local.content instanceof Y.ContentType && local.id.clock === parent.clock) return ref;
      if (local instanceof Y.Item) return this.notAType();
      return UNKNOWN;
    }
    if (this.index.isType(ref)) return ref;
    const held = this.index.parentOf(parent.client, parent.clock);
    if (held === GONE) return GONE;
    return held === UNKNOWN ? UNKNOWN : this.notAType();
  }

  private notAType(): ParentRef {
    if (this.strict) throw new InvalidUpdate('an item whose parent is not a shared type');
    return GONE;
  }

  /** Depth of the shared type `parent` (a root type is 0); Infinity if it cannot be known. */
  private depthOf(parent: ParentRef): number {
    const chain: ParentRef[] = [];
    let current = parent;
    let base: number;
    for (;;) {
      if (current === GONE || current === UNKNOWN) {
        base = Infinity;
        break;
      }
      const known = this.depths.get(current) ?? this.index.depthOf(current);
      if (known !== undefined) {
        base = known;
        break;
      }
      const item = this.typeItem(current);
      if (!item) {
        base = Infinity;
        break;
      }
      chain.push(current);
      // Deeper than allowed already: no need to walk a 10,000-level chain to its root.
      if (this.strict && chain.length > this.limits.maxTypeDepth) throw new InvalidUpdate(`shared types nested deeper than ${this.limits.maxTypeDepth}`);
      current = this.parentOf(item);
    }
    for (let i = chain.length - 1, depth = base + 1; i >= 0; i--, depth++) this.depths.set(chain[i]!, depth);
    return chain.length > 0 ? this.depths.get(parent)! : base;
  }

  private typeItem(ref: ParentRef): Y.Item | undefined {
    const [, client, clock] = ref.split(':');
    const found = this.find(Y.createID(Number(client), Number(clock)));
    return found instanceof Y.Item && found.content instanceof Y.ContentType ? found : undefined;
  }
}
