/**
 * Text to GB18030 bytes, the way Notepad's “ANSI” saves it on a Chinese Windows (code page 936):
 * ASCII as one byte, the rest as two; a character the two-byte table lacks becomes ?, as Notepad
 * writes it. Node can decode GB18030 (TextDecoder) but not encode it, so the table is built once
 * by decoding every two-byte sequence.
 */
let table: Map<string, number> | undefined;

function encoderTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let char: string;
      try {
        char = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (char.length === 1 && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  return table;
}

export function encodeGb18030(text: string): Buffer {
  const codes = encoderTable();
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) {
      bytes.push(cp);
      continue;
    }
    const code = codes.get(char);
    if (code === undefined) bytes.push(0x3f);
    else bytes.push(code >> 8, code & 0xff);
  }
  return Buffer.from(bytes);
}
