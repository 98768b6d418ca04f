/**
 * What a failure of the database driver means, in one Swedish phrase for the person at the
 * terminal or in the server's start message. The driver's own texts are English (and a
 * connection error names no field), so they are translated by their codes here.
 */
const BY_SQLSTATE: Record<string, string> = {
  '3D000': 'databasen finns inte',
  '28000': 'inloggningen nekades (användaren saknar behörighet)',
  '28P01': 'inloggningen nekades (fel användare eller lösenord)',
  '42501': 'behörighet saknas',
  '53300': 'databasservern har för många anslutningar just nu',
  '57P01': 'databasservern stängdes av',
  '57P03': 'databasservern startar och tar inte emot anslutningar än',
  '40001': 'krock med en annan samtidig ändring; försök igen',
  '40P01': 'krock med en annan samtidig ändring (låsning); försök igen',
  '23505': 'krock med en annan samtidig ändring; försök igen',
  '55P03': 'uppgifterna är låsta av en annan ändring just nu; försök igen',
  '57014': 'frågan avbröts',
};

const BY_SYSTEM_CODE: Record<string, string> = {
  ECONNREFUSED: 'databasservern svarar inte (anslutningen nekades)',
  ENOTFOUND: 'databasserverns namn finns inte',
  EAI_AGAIN: 'databasserverns namn kunde inte slås upp',
  ETIMEDOUT: 'databasservern svarade inte i tid',
  ECONNRESET: 'förbindelsen med databasen bröts',
  EPIPE: 'förbindelsen med databasen bröts',
  ENOENT: 'den inbäddade databasens uttag finns inte (servern har stängts)',
  EACCES: 'behörighet saknas till databasens uttag',
};

export function describeDatabaseError(error: unknown): string | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  // Our own refusals (the embedded server's time limit) are Swedish already.
  if (code === '25P03' && /[åäö]/i.test(text)) return text;
  if (typeof code === 'string' && BY_SQLSTATE[code]) return BY_SQLSTATE[code];
  if (typeof code === 'string' && BY_SYSTEM_CODE[code]) return BY_SYSTEM_CODE[code];
  const name = error instanceof Error ? error.name : '';
  if (name === 'QueryRunnerAlreadyReleasedError') {
    // TypeORM lets go of a connection the server closed, e.g. a transaction that held the
    // embedded database past TRANSACTION_TIMEOUT; the next query then meets this.
    return 'förbindelsen med databasen bröts mitt i transaktionen (till exempel för att den varade längre än TRANSACTION_TIMEOUT)';
  }
  if (/Connection terminated|not queryable|Client was closed|terminating connection/i.test(text)) {
    return 'förbindelsen med databasen bröts';
  }
  if (/timeout exceeded when trying to connect/i.test(text)) return 'ingen anslutning till databasen blev ledig i tid';
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `databasen svarade med fel ${code}`;
  return null;
}
