/** `RUN --mount=` values: Go `encoding/csv` fields of `key=value`, as BuildKit reads them. */

export interface CsvField {
  /** Offsets into the value string. */
  start: number;
  end: number;
  text: string;
}

/** Splits one CSV record; quoted fields (`"a,b"`, `""` for a quote) are unquoted. */
export function splitCsv(value: string): CsvField[] {
  const fields: CsvField[] = [];
  let i = 0;
  const n = value.length;
  if (n === 0) return fields;
  for (;;) {
    const start = i;
    let text = "";
    if (value.charCodeAt(i) === 0x22) {
      i++;
      for (;;) {
        const q = value.indexOf('"', i);
        if (q < 0) {
          text += value.slice(i);
          i = n;
          break;
        }
        text += value.slice(i, q);
        if (value.charCodeAt(q + 1) === 0x22) {
          text += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const comma = value.indexOf(",", i);
      const fieldEnd = comma < 0 ? n : comma;
      text += value.slice(i, fieldEnd);
      i = fieldEnd;
    } else {
      const comma = value.indexOf(",", i);
      i = comma < 0 ? n : comma;
      text = value.slice(start, i);
    }
    fields.push({ start, end: i, text });
    if (i >= n) break;
    i++;
  }
  return fields;
}
