import { describe, expect, it } from 'vitest';
import { useE2E, type Person } from './support/harness';
import { FollowControls } from './support/follow-page';

const e2e = useE2E();

/** A facilitator's session and a participant on it, both connected, with their follow controls. */
async function cafe(): Promise<{ a: Person; b: Person; fa: FollowControls; fb: FollowControls }> {
  const { a, b } = await e2e.cafe({ title: 'Follow me' });
  return { a, b, fa: new FollowControls(a.board.page), fb: new FollowControls(b.board.page) };
}

describe('follow the facilitator', () => {
  it('brings participants to a phase; a participant may look elsewhere and come back', async () => {
    const { a, b, fa, fb } = await cafe();
    // Participants follow by default; only the facilitator has "bring everyone here".
    await fb.waitForFollowing(true);
    expect(await fb.spotlightButton.count()).toBe(0);
    expect(await fa.pill.count()).toBe(0);
    expect(await b.board.phaseTab('reality').isDisabled()).toBe(false);

    await a.board.switchPhase('reality');
    await fa.bringEveryoneHere();
    await fb.waitForPhase('reality');
    expect(await fb.following()).toBe(true);

    // Looking at another phase leaves follow mode, and stays there when the facilitator moves on.
    await b.board.phaseTab('ideal').click();
    await fb.waitForFollowing(false);
    await fb.waitForPhase('ideal');
    await a.board.switchPhase('steps');
    await fa.bringEveryoneHere();
    // The second spotlight has reached the participant, who stays where they chose to look.
    await fb.waitForSpotlight(2);
    expect(await b.board.currentPhase()).toBe('ideal');
    expect(await b.board.page.getByTestId('board.question').textContent()).toContain('What characterises');
    expect(await fb.following()).toBe(false);
    // The facilitator's own view is unaffected by the participant.
    expect(await a.board.currentPhase()).toBe('steps');

    // Back to following: jump to the latest spotlight.
    await fb.follow();
    await fb.waitForPhase('steps');
  });

  it('brings participants to the facilitator\'s zoom', async () => {
    const { a, fa, fb } = await cafe();
    await fb.waitForFollowing(true);
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
    await fb.waitForFollowing(true);
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
});
