/** Every cell of a CSV text: quoted cells unquoted, so a cell is seen as a spreadsheet would see it. */
export function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === '\n') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  if (cell !== '') cells.push(cell);
  return cells;
}
