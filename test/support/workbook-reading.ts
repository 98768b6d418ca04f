import * as ExcelJS from 'exceljs';

/*
 * Reading a written workbook back the way a user's Excel would: from its bytes, finding
 * cells by their row label and column header, and working out the formulas the report
 * writes (SUM, + and −, /, IF(x=0,"",…), references to other sheets) to hold them against
 * their stored results.
 */

/** Writes the workbook to xlsx bytes and loads those into a fresh workbook. */
export async function readBack(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(buffer as ArrayBuffer);
  return loaded;
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet "${name}"`);
  return sheet;
}

/** The header row: the last frozen row. */
export function headerRowNumber(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0] as { state?: string; ySplit?: number };
  if (view?.state !== 'frozen' || !view.ySplit) throw new Error(`Sheet "${sheet.name}" has no frozen header`);
  return view.ySplit;
}

export function headers(sheet: ExcelJS.Worksheet): string[] {
  const row = sheet.getRow(headerRowNumber(sheet));
  return Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value));
}

/** The rows below the header, as row objects. */
export function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const first = headerRowNumber(sheet) + 1;
  const rows: ExcelJS.Row[] = [];
  for (let r = first; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === null || row.getCell(1).value === undefined) break;
    rows.push(row);
  }
  return rows;
}

/** The cell in the row whose column `labelColumn` (default: first) reads `label`, under `header`. */
export function cellAt(sheet: ExcelJS.Worksheet, label: string, header: string, labelColumn = 1): ExcelJS.Cell {
  const column = headers(sheet).indexOf(header) + 1;
  if (column === 0) throw new Error(`No column "${header}" in "${sheet.name}"`);
  const row = dataRows(sheet).find((r) => r.getCell(labelColumn).value === label);
  if (!row) throw new Error(`No row "${label}" in "${sheet.name}"`);
  return row.getCell(column);
}

/**
 * A cell's number: its value, or the stored result of its formula; null when empty. (The
 * result is read through `cell.result`: ExcelJS's `cell.value` leaves out a stored 0.)
 */
export function numberOf(cell: ExcelJS.Cell): number | null {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as unknown;
    if (typeof result !== 'number') throw new Error(`Formula in ${cell.address} has no numeric result`);
    return result;
  }
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  throw new Error(`Cell ${cell.address} holds ${JSON.stringify(value)}, not a number`);
}

export function formulaOf(cell: ExcelJS.Cell): string | null {
  return cell.type === ExcelJS.ValueType.Formula ? cell.formula : null;
}

/** Every formula cell of the workbook, with its sheet. */
export function formulaCells(workbook: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; cell: ExcelJS.Cell }[] {
  const found: { sheet: ExcelJS.Worksheet; cell: ExcelJS.Cell }[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => formulaOf(cell) !== null && found.push({ sheet, cell }))));
  return found;
}

const REF = /(?:'((?:[^']|'')+)'!)?\$?([A-Z]{1,3})\$?(\d+)/g;

/** Works out one of the report's formulas from the values of the cells it refers to ("" is null). */
export function evaluateFormula(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, formula: string): number | null {
  const valueOf = (sheetName: string | undefined, column: string, row: string): string => {
    const target = sheetName ? sheetOf(workbook, sheetName.replace(/''/g, "'")) : sheet;
    return String(numberOf(target.getCell(`${column}${row}`)) ?? 0);
  };
  const expression = formula
    .replace(/SUM\(([A-Z]+)(\d+):\1(\d+)\)/g, (_, column: string, from: string, to: string) => {
      const refs = Array.from({ length: Number(to) - Number(from) + 1 }, (__, i) => `${column}${Number(from) + i}`);
      return `(${refs.join('+')})`;
    })
    .replace(/IF\(([^,]+)=0,"",/g, '(($1)===0?null:')
    .replace(REF, (_, sheetName: string | undefined, column: string, row: string) => `(${valueOf(sheetName, column, row)})`);
  if (!/^[\d\s.+\-*/()?:=enul]*$/.test(expression)) throw new Error(`Cannot evaluate ${formula} (${expression})`);
  return new Function(`return ${expression};`)() as number | null;
}
