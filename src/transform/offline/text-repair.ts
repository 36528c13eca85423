/**
 * Punctuation mis-decoded before it reached us: UTF-8 read as Windows-1252 turns an em dash into "â€”",
 * an apostrophe into "â€™", "é" into "Ã©". The bytes are still all there, so each such run is turned back
 * into its bytes and read as UTF-8 again; a run that does not decode is left as it is.
 */

// Windows-1252's characters for the bytes 0x80–0x9F (Latin-1 gives the rest of 0xA0–0xFF as is).
const CP1252: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a, "‹": 0x8b,
  "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99,
  "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};
const CONT = `[\\u0080-\\u00BF${Object.keys(CP1252).join("")}]`;
// A lead byte of a 2-, 3- or 4-byte UTF-8 sequence as Windows-1252 shows it, then its continuation bytes.
const RUN = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, "g");
const decoder = new TextDecoder("utf-8", { fatal: true });

function byteOf(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (CP1252[ch] !== undefined) return CP1252[ch]!;
  return code <= 0xff ? code : null;
}

/** The text with every mis-decoded run repaired, and how many runs were. */
export function repairMisdecoded(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const out = text.replace(RUN, (run) => {
    const bytes = [...run].map(byteOf);
    if (bytes.some((b) => b === null)) return run;
    try {
      const fixed = decoder.decode(new Uint8Array(bytes as number[]));
      repaired++;
      return fixed;
    } catch {
      return run;
    }
  });
  return { text: out, repaired };
}
