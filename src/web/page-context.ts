import { credentialOf, csrfTokenOf } from '../auth/auth.guard';
import { AuthenticatedRequest } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { periodName } from '../common/period';
import { PeriodAddress } from '../common/params';

/** The largest text a page accepts in one field, as the API's text fields do. */
export const MAX_TEXT_LENGTH = 50_000;

/** What every signed-in page needs: who is signed in, the CSRF token for its forms. */
export function pageCommon(principal: Principal, req: AuthenticatedRequest) {
  const credential = credentialOf(req);
  return { username: principal.username, isAdmin: principal.isAdmin, csrf: credential ? csrfTokenOf(credential.token) : '', periodName };
}

/** The path of a period's overview page; its entry pages hang below it. */
export function periodPath(at: { board: string; year: number; period: string } | PeriodAddress): string {
  return `/namnder/${encodeURIComponent(at.board)}/${at.year}/${at.period}`;
}

/**
 * Optional free text from a form: empty is null (cleared); too long is an error message.
 * Browsers send a textarea's line breaks as CRLF; the texts keep the LF the import uses.
 */
export function formText(text: string | undefined, label: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const value = (text ?? '').replace(/\r\n?/g, '\n');
  if (value.length > MAX_TEXT_LENGTH) return { ok: false, message: `${label}: högst ${MAX_TEXT_LENGTH.toLocaleString('sv-SE')} tecken.` };
  return { ok: true, value: value.trim() === '' ? null : value };
}
