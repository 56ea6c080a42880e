import { describe, expect, it } from 'vitest';
import { useE2E, type Person } from './support/harness';
import { FollowControls } from './support/follow-page';
import { ProjectorPage } from './support/projector-page';

const e2e = useE2E();

/** A facilitator's session and a participant on it, both connected, with their follow controls. */
async function cafe(): Promise<{ a: Person; b: Person; fa: FollowControls; fb: FollowControls }> {
  const { a, b } = await e2e.cafe({ title: 'Follow me' });
  return { a, b, fa: new FollowControls(a.board.page), fb: new FollowControls(b.board.page) };
}

describe('bring everyone here', () => {
  it('brings everyone, those who had looked elsewhere too, once per press; in between people roam', async () => {
    const { a, b, fa, fb } = await cafe();
    // Nobody follows unless they choose to; only the facilitator has "bring everyone here".
    await fb.waitForFollowing(false);
    expect(await fb.spotlightButton.count()).toBe(0);
    expect(await fa.pill.count()).toBe(0);

    // The facilitator looks ahead at another phase: the participant is not dragged along.
    await a.board.switchPhase('reality');
    await fb.waitForCurrentMark('reality');
    expect(await b.board.currentPhase()).toBe('ideal');

    // A press brings the participant to the facilitator's phase.
    await fa.bringEveryoneHere();
    await fb.waitForSpotlight(1);
    await fb.waitForPhase('reality');
    expect(await fb.following()).toBe(false);

    // They roam on their own, and stay where they went while the facilitator moves on without pressing.
    await b.board.phaseTab('steps').click();
    await fb.waitForPhase('steps');
    await a.board.switchPhase('ideal');
    await fb.waitForCurrentMark('ideal');
    expect(await b.board.currentPhase()).toBe('steps');

    // The case: pressed twice, with the participant elsewhere in between. Each press brings them.
    await fa.bringEveryoneHere();
    await fb.waitForSpotlight(2);
    await fb.waitForPhase('ideal');
    await b.board.phaseTab('reality').click();
    await fb.waitForPhase('reality');
    await fa.bringEveryoneHere();
    await fb.waitForSpotlight(3);
    await fb.waitForPhase('ideal');
    // The facilitator's own view is unaffected by the participant.
    expect(await a.board.currentPhase()).toBe('ideal');
  });

  it('reaches a participant who was offline when the facilitator pressed, once they are back', async () => {
    const { a, b, fa, fb } = await cafe();
    await b.board.phaseTab('steps').click();
    await fb.waitForPhase('steps');
    await b.user.goOffline();
    await a.board.switchPhase('reality');
    await fa.bringEveryoneHere();
    await b.user.goOnline();
    await fb.waitForSpotlight(1);
    await fb.waitForPhase('reality');
    // Once: the press is not replayed by the next change of the facilitator's state.
    await b.board.phaseTab('ideal').click();
    await fb.waitForPhase('ideal');
    await a.board.switchPhase('steps');
    await fb.waitForCurrentMark('steps');
    expect(await b.board.currentPhase()).toBe('ideal');
    expect(await fb.following()).toBe(false);
  });

  it('a participant who chooses to follow moves with the facilitator\'s phase until they pick one', async () => {
    const { a, b, fb } = await cafe();
    await fb.follow();
    await a.board.switchPhase('steps');
    await fb.waitForPhase('steps');
    await a.board.switchPhase('reality');
    await fb.waitForPhase('reality');
    // Picking a phase is roaming again.
    await b.board.phaseTab('ideal').click();
    await fb.waitForFollowing(false);
    await a.board.switchPhase('steps');
    await fb.waitForCurrentMark('steps');
    expect(await b.board.currentPhase()).toBe('ideal');
  });

  it('brings participants to the facilitator\'s zoom', async () => {
    const { a, fa, fb } = await cafe();
    const before = await fb.zoom();
    await a.board.zoomIn();
    await a.board.zoomIn();
    await fa.bringEveryoneHere();
    // What was sent is the facilitator's zoom at the click; it does not change afterwards.
    const zoom = await fa.zoom();
    expect(Math.abs(zoom - before)).toBeGreaterThan(0.05);
    expect(await fb.waitForZoom(zoom, 0.002)).toBeCloseTo(zoom, 2);
  });

  it('shows the facilitator\'s centre point at the centre of a participant\'s smaller window', async () => {
    const { a, b, fa, fb } = await cafe();
    await a.board.page.setViewportSize({ width: 1440, height: 900 });
    await b.board.page.setViewportSize({ width: 820, height: 640 });
    await a.board.zoomIn();
    await a.board.panBy(-180, 90);
    const before = await b.board.worldTransform();
    await fa.bringEveryoneHere();
    const sent = await fa.centrePoint();
    // The facilitator's centre lands at the participant's centre, not the same screen offset.
    await b.board.waitForTransformChange(before);
    // The move animates: wait for where it settles, not a frame on the way.
    const seen = await fb.waitForCentre(sent, 0.25);
    expect(seen.x).toBeCloseTo(sent.x, 0);
    expect(seen.y).toBeCloseTo(sent.y, 0);
    expect(await fb.waitForZoom(await fa.zoom(), 0.002)).toBeCloseTo(await fa.zoom(), 2);
  });

  it('with reduced motion a participant is brought to the spot without a transition', async () => {
    const { a, b, fa, fb } = await cafe();
    await b.user.page.emulateMedia({ reducedMotion: 'reduce' });
    await a.board.addNote('government', 'No gliding');
    await b.board.waitForNoteText('No gliding', 'government');
    const motion = new ProjectorPage(b.board.page);
    const styles = await motion.motionStyles();
    expect(styles.world).toBe('0s');
    expect(styles.note).toBe('0s');
    expect(styles.noteAnimation).toBe('none');

    await motion.recordWorldTransforms();
    await a.board.zoomIn();
    await a.board.panBy(-200, 100);
    await fa.bringEveryoneHere();
    const target = await fa.centrePoint();
    await fb.waitForSpotlight(1);
    await fb.waitForCentre(target, 0.5);
    // One step, straight to the target: no frames on the way.
    const frames = await motion.recordedWorldTransforms();
    expect(frames.length).toBeGreaterThan(0);
    expect(new Set(frames).size).toBe(1);
    expect(frames[0]).toBe(await b.board.world.evaluate((el) => (el as HTMLElement).style.transform));
  });
});
