/** A half-open range of UTF-16 code unit offsets into a text: `start` inclusive, `end` exclusive. */
export interface Range {
  start: number;
  end: number;
}

export function range(start: number, end: number): Range {
  return { start, end };
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function rangeContainsOffset(r: Range, offset: number): boolean {
  return r.start <= offset && offset <= r.end;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

export function rangeLength(r: Range): number {
  return r.end - r.start;
}

export function sliceRange(text: string, r: Range): string {
  return text.slice(r.start, r.end);
}

/** The smallest range covering both. */
export function coverRanges(a: Range, b: Range): Range {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
