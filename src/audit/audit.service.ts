import { Injectable } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { BoardsService } from '../boards/boards.service';
import { csvDocument, csvNumber, csvText } from '../common/csv';
import { Period } from '../common/period';
import { AuditEntry } from './audit-entry.entity';
import { AUDIT_FIELD_LABELS, AUDIT_KIND_LABELS, AUDIT_SOURCE_LABELS } from './audit-labels';

/** One audit row as the API returns it. */
export interface AuditRow {
  id: number;
  changedAt: Date;
  username: string | null;
  source: string;
  board: string;
  year: number;
  period: string | null;
  objectKind: string;
  objectCode: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface AuditFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const HEADERS = ['Tid', 'Användare', 'Källa', 'Nämnd', 'År', 'Period', 'Objekt', 'Kod', 'Fält', 'Tidigare värde', 'Nytt värde'];
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Reads the audit trail (SPEC 7): as JSON, as an xlsx workbook and as Swedish CSV. Never changes it. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly boards: BoardsService,
  ) {}

  /** Every change of the board's plan and follow-ups for the year, oldest first; only one period's with `period`. */
  async list(boardCode: string, year: number, period: Period | null): Promise<{ board: string; year: number; period: Period | null; entries: AuditRow[] }> {
    const { board } = await this.boards.findPlanYear(boardCode, year);
    const where = period ? { boardCode: board.code, year, period } : { boardCode: board.code, year };
    const rows = await this.dataSource.getRepository(AuditEntry).find({ where, order: { id: 'ASC' } });
    return {
      board: board.code,
      year,
      period,
      entries: rows.map((r) => ({
        id: Number(r.id),
        changedAt: r.changedAt,
        username: r.username,
        source: r.source,
        board: r.boardCode,
        year: r.year,
        period: r.period,
        objectKind: r.objectKind,
        objectCode: r.objectCode,
        field: r.field,
        oldValue: r.oldValue,
        newValue: r.newValue,
      })),
    };
  }

  async xlsx(boardCode: string, year: number, period: Period | null): Promise<AuditFile> {
    const { board, entries } = await this.list(boardCode, year, period);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Verksamhetsuppföljning';
    const sheet = workbook.addWorksheet('Ändringslogg', {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = [
      { width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
      { width: 18 },
      { width: 13 },
      { width: 8 },
      { width: 7, style: { numFmt: '0' } },
      { width: 8 },
      { width: 18 },
      { width: 24 },
      { width: 26 },
      { width: 40 },
      { width: 40 },
    ];
    const header = sheet.addRow(HEADERS);
    header.font = { bold: true };
    for (const e of entries) {
      sheet.addRow([
        stockholmWallClock(e.changedAt),
        e.username ?? '',
        AUDIT_SOURCE_LABELS[e.source as keyof typeof AUDIT_SOURCE_LABELS] ?? e.source,
        e.board,
        e.year,
        e.period ?? '',
        AUDIT_KIND_LABELS[e.objectKind] ?? e.objectKind,
        e.objectCode,
        AUDIT_FIELD_LABELS[e.field] ?? e.field,
        cellValue(e.oldValue),
        cellValue(e.newValue),
      ]);
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return {
      fileName: fileName(board, year, period, 'xlsx'),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content,
    };
  }

  async csv(boardCode: string, year: number, period: Period | null): Promise<AuditFile> {
    const { board, entries } = await this.list(boardCode, year, period);
    const lines = [
      HEADERS.map(csvText),
      ...entries.map((e) => [
        csvText(stockholmText(e.changedAt)),
        csvText(e.username ?? ''),
        csvText(AUDIT_SOURCE_LABELS[e.source as keyof typeof AUDIT_SOURCE_LABELS] ?? e.source),
        csvText(e.board),
        String(e.year),
        csvText(e.period ?? ''),
        csvText(AUDIT_KIND_LABELS[e.objectKind] ?? e.objectKind),
        csvText(e.objectCode),
        csvText(AUDIT_FIELD_LABELS[e.field] ?? e.field),
        csvValue(e.oldValue),
        csvValue(e.newValue),
      ]),
    ];
    return { fileName: fileName(board, year, period, 'csv'), contentType: 'text/csv; charset=utf-8', content: Buffer.from(csvDocument(lines), 'utf8') };
  }
}

function fileName(board: string, year: number, period: Period | null, ext: string): string {
  return `Ändringslogg ${board} ${year}${period ? ` ${period}` : ''}.${ext}`;
}

/** A figure as a number cell; any text as a text cell (never a formula, whatever it starts with). */
function cellValue(value: string | null): string | number | null {
  if (value === null) return null;
  return NUMBER.test(value) ? Number(value) : value;
}

function csvValue(value: string | null): string {
  if (value === null) return '';
  return NUMBER.test(value) ? csvNumber(Number(value)) : csvText(value);
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-23 20:15:03", Stockholm time. */
function stockholmText(date: Date): string {
  const part = (type: string) => STOCKHOLM.formatToParts(date).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** The Stockholm wall-clock time as a date Excel shows unchanged (Excel has no time zones). */
function stockholmWallClock(date: Date): Date {
  const [d, t] = stockholmText(date).split(' ');
  return new Date(`${d}T${t}Z`);
}
