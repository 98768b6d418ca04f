import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { Actor } from '../audit/audit-actor';
import { Principal } from '../auth/principal';
import { DomainError, DomainErrorCode, FieldError } from '../common/domain-error';
import { isMonthPeriod, Period, reportTitle } from '../common/period';
import { FollowupService } from '../followup/followup.service';
import { ImportService } from '../import/import.service';
import { buildInputWorkbook } from './build-input-workbook';
import { InputValues, inputValuesOf } from './input-values';
import { InputChange, InputError, readInputWorkbook, RowOrigin } from './read-input-workbook';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an upload would do (a preview) or did. */
export interface InputUploadResult {
  applied: boolean;
  changes: InputChange[];
  /** The import's Swedish summary (what it would do, for a preview). */
  message: string;
  /** The saved state the preview was made against: applying refuses when it has changed since. */
  stateDigest: string;
}

/**
 * The Excel round trip of a period's follow-up: the input workbook to download, and a
 * filled one uploaded, previewed and applied all or nothing through the follow-up import
 * itself (its rules, its one transaction, its audit rows).
 */
@Injectable()
export class InputWorkbookService {
  constructor(
    private readonly followups: FollowupService,
    private readonly imports: ImportService,
  ) {}

  /** "Inmatning Tertialrapport 1 2017 – Socialnämnden.xlsx", prefilled with what is saved. */
  async download(board: string, year: number, period: Period): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const followup = await this.followups.getReportedFollowup(board, year, period);
    const workbook = buildInputWorkbook(inputValuesOf(followup), new Date());
    return {
      fileName: `Inmatning ${reportTitle(period, year)} – ${followup.board.name}.xlsx`.replace(/[\\/:*?"<>|]/g, '-'),
      contentType: XLSX_TYPE,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }

  /**
   * Reads an uploaded input workbook and either previews it (the import run and rolled
   * back) or applies it. Every mistake, the workbook's own and the import's rules', comes
   * back at once as a 400 naming sheet, row and column; nothing is written then. With
   * `expectedDigest` (the page's second step) the period must still be as it was when the
   * preview was shown.
   */
  async upload(
    board: string, year: number, period: Period, bytes: Buffer, actor: Actor, principal: Principal | null,
    options: { apply: boolean; expectedDigest?: string },
  ): Promise<InputUploadResult> {
    const workbook = await loadWorkbook(bytes);
    const followup = await this.followups.getReportedFollowup(board, year, period);
    if (followup.locked) {
      throw new DomainError(DomainErrorCode.PeriodLocked, `${followup.title} för ${followup.board.name} är godkänd och låst; ingenting har sparats. En administratör kan öppna perioden igen.`);
    }
    const current = inputValuesOf(followup);
    const stateDigest = digestOf(current);
    if (options.expectedDigest !== undefined && options.expectedDigest !== stateDigest) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        'Perioden har ändrats sedan förhandsgranskningen (någon annan har sparat). Ingenting har sparats: ladda upp arbetsboken igen och granska ändringarna på nytt.',
      );
    }
    const read = readInputWorkbook(workbook, { board: followup.board.code, year, period }, isMonthPeriod(period), current);
    if (read.errors.length > 0) throw refusal(read.errors);
    if (read.changes.length === 0) {
      return { applied: false, changes: [], message: 'Arbetsboken ändrar ingenting: allt i den är redan sparat.', stateDigest };
    }
    try {
      const summary = await this.imports.importDocument(read.document, actor, principal, { dryRun: !options.apply });
      return { applied: options.apply, changes: read.changes, message: summary.message, stateDigest };
    } catch (error) {
      if (error instanceof DomainError && error.code === DomainErrorCode.InvalidInput && error.errors.length > 0) {
        throw refusal(error.errors.map((e) => placed(e, read.origins)));
      }
      throw error;
    }
  }
}

/** The saved state as the workbook shows it, as a digest: what a preview was made against. */
export function digestOf(values: InputValues): string {
  return createHash('sha256').update(JSON.stringify({ ...values, title: undefined })).digest('base64url');
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const notXlsx = DomainError.invalid('Filen är ingen Excel-arbetsbok (xlsx). Ladda upp inmatningsarbetsboken som den sparats i Excel.', [
    { path: 'arbetsbok', message: 'Måste vara en xlsx-fil.' },
  ]);
  // An xlsx file is a zip archive: "PK".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notXlsx;
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notXlsx;
  }
  return workbook;
}

/** The import's error at a document path, placed on the sheet, row and column it came from. */
function placed(error: FieldError, origins: Map<string, RowOrigin>): InputError {
  const match = /^(.*\[\d+\])(?:\.(\w+))?/.exec(error.path);
  const origin = match ? origins.get(match[1]) : undefined;
  if (!origin) return { sheet: 'Arbetsboken', row: null, column: null, message: error.message };
  return { sheet: origin.sheet, row: origin.row, column: (match![2] && origin.columns[match![2]]) || null, message: error.message };
}

function refusal(errors: InputError[]): DomainError {
  const fieldErrors = errors.map((e) => ({ path: `${e.sheet}${e.row !== null ? `!${e.column ?? ''}${e.row}` : ''}`, message: e.message }));
  return new DomainError(DomainErrorCode.InvalidInput, 'Arbetsboken har fel; ingenting har sparats.', fieldErrors, { cells: errors });
}
