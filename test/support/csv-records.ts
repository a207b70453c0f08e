/**
 * RFC 4180 CSV read into records by its header row: quoted cells, doubled quotes, line breaks
 * inside quotes. Stands in for csv-parse, which is not installed; replace it by
 * `parse(text, { columns: true })` once it is.
 */
export function csvRecords(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let [row, cell, quoted, i] = [[] as string[], '', false, 0];
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (char === '"') (quoted = false), i++;
      else (cell += char), i++;
    } else if (char === '"') (quoted = true), i++;
    else if (char === ',') row.push(cell), (cell = ''), i++;
    else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      row.push(cell), rows.push(row), (row = []), (cell = ''), (i += char === '\r' ? 2 : 1);
    } else (cell += char), i++;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, k) => [name, cells[k] ?? ''])));
}
