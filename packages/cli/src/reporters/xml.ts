/** XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates (unless paired) and U+FFFE/U+FFFF. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escape text for use inside an element. */
export function xmlText(s: string): string {
  return s.replace(INVALID_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escape text for use inside a double-quoted attribute; line breaks and tabs survive attribute normalisation. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
