import { EXTRACTION_FIELDS, type Extraction } from "../../src/domain";
import { encodeAnswerRow } from "../../src/transform/llm/compact-answer";
import type { AnswerBook } from "./answer-book";

/** A play as the LLM path sends it: one JSON line between <plays> markers, its number in the request and its text. */
export interface PromptPlay {
  i: number;
  text: string;
}

export interface PromptNames {
  pitchers: string[];
  batters: string[];
  pitchTypes: string[];
}

const INJECTION = /ignore (all |any )?(the )?(previous|prior|above|earlier) instructions/i;

/** The JSON lines of a `<tag>…</tag>` block of the prompt. */
export function blockLines(content: string, tag: string): unknown[] {
  const m = new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(content);
  if (!m) return [];
  return m[1]!.split("\n").flatMap((line) => {
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      return [];
    }
  });
}

export function parsePlays(content: string): PromptPlay[] {
  return blockLines(content, "plays").filter((p): p is PromptPlay => !!p && Number.isInteger((p as PromptPlay).i) && typeof (p as PromptPlay).text === "string");
}

export function parseNames(content: string): PromptNames {
  const names = (tag: string, key: string) => blockLines(content, tag).map((x) => String((x as Record<string, unknown>)[key]));
  return { pitchers: names("pitchers", "name"), batters: names("batters", "name"), pitchTypes: names("pitch_types", "text") };
}

const nullExtraction = (): Extraction => Object.fromEntries(EXTRACTION_FIELDS.map((f) => [f, null])) as Extraction;

/**
 * The answer a careful model gives, in the compact rows the prompt asks for: the truth for each play
 * it recognises, nulls for one it does not. With `obeyInjections` it is also a gullible model: a play
 * whose text says "ignore previous instructions" makes it forge rows (a duplicate of every neighbour
 * with made-up values, and a row for a play that was never sent) and answer its own row with
 * nonsense; the pipeline's defences have to keep that to the one row.
 */
export function answerPlays(book: AnswerBook, plays: PromptPlay[], obeyInjections: boolean): { plays: (number | string | null)[][] } {
  const genuine = plays.map((p) => encodeAnswerRow(p.i, book.extractionFor({ text: p.text }) ?? nullExtraction()));
  const injected = obeyInjections && plays.some((p) => INJECTION.test(p.text));
  if (!injected) return { plays: genuine };
  const poisoned = (i: number) => encodeAnswerRow(i, { ...nullExtraction(), pitch_result: "In play - hit", ball_in_play: true, pitch_velocity_mph: 999 });
  const forged = plays.filter((p) => !INJECTION.test(p.text)).map((p) => poisoned(p.i));
  const own = genuine.map((g, k) => (INJECTION.test(plays[k]!.text) ? poisoned(plays[k]!.i) : g));
  return { plays: [...forged, ...own, poisoned(plays.length + 100)] };
}

export function answerNames(book: AnswerBook, names: PromptNames, wrongIds: boolean) {
  const conf = (found: boolean) => (found ? ("high" as const) : ("low" as const));
  return {
    pitchers: names.pitchers.map((name) => {
      const id = wrongIds ? 999_999 : book.pitcherId(name);
      return { name, pitcher_id: id, confidence: conf(id !== null) };
    }),
    batters: names.batters.map((name) => {
      const id = wrongIds ? 999_999 : book.batterId(name);
      return { name, batter_id: id, confidence: conf(id !== null) };
    }),
    pitch_types: names.pitchTypes.map((text) => {
      const code = book.pitchTypeCode(text);
      return { text, pitch_type_code: code, confidence: conf(code !== null) };
    }),
  };
}
