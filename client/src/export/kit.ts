import type * as Y from 'yjs';
import { buildKit, readSession, type KitPaper } from '@wcb/shared';
import { exportFileName } from '@wcb/shared/harvest';
import { renderKitPdf } from '@wcb/shared/render-kit-pdf';
import type { Credentials } from '../lib/credentials';
import { loadPdfFonts } from './fonts';
import { download } from './run';

/**
 * Loaded lazily by the kit section: builds the table kit from what this device holds (the control
 * document and the facilitator's share tokens) with the same renderer as the server, and downloads
 * it. Nothing is fetched but the fonts, which the service worker keeps: it works offline.
 */
export async function printKit(sessionId: string, control: Y.Doc, credentials: Credentials, paper: KitPaper): Promise<string> {
  const share = credentials.shareTokens;
  if (credentials.role !== 'facilitator' || !share) throw new Error('this device does not hold the participant and viewer links');
  const kit = buildKit(control, {
    sessionId,
    origin: location.origin,
    participantToken: share.participant,
    viewerToken: share.viewer,
    facilitatorToken: credentials.token,
  });
  const pdf = await renderKitPdf(kit, await loadPdfFonts(), paper);
  const fileName = exportFileName(`${readSession(control).meta.title}-kit`, Date.now(), 'pdf');
  download(fileName, new Uint8Array(pdf), 'application/pdf');
  return fileName;
}
