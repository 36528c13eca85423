import type { Extraction } from "../../domain/index";
import { parseInning, parseOuts, parseRunners } from "./game-state-parser";
import { parseNames, type NameRoster, type Names } from "./name-parser";
import { normalizeNumbers } from "./number-words";
import { readPitch } from "./pitch-reader";
import { blankOtherTimes, isRecap } from "./result-parser";

// The part of the rule extractor that reads one paragraph on its own: the pitch, the inning, outs and
// runners, and the names for a roster. It needs nothing of the rows around it, so a large input can be
// read in worker threads (paragraph-pool.ts) and joined in order with the same result.

/** What a paragraph says whatever the context: everything but the score (needs the teams) and the names (the roster). */
export interface ReadParagraph {
  text: string;
  lower: string;
  recap: boolean;
  fields: Omit<Extraction, "score_home" | "score_away" | "pitcher_name" | "batter_name">;
}

export function readParagraph(text: string): ReadParagraph {
  const lower = normalizeNumbers(text);
  const plain = text.toLowerCase().replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ");
  // The inning a sentence about an earlier play names ("he singled in the 4th") is not this play's.
  const inning = parseInning(blankOtherTimes(lower), text);
  const pitch = readPitch(lower, plain, text);
  const afterResult = pitch.resultIndex !== undefined && pitch.resultIndex >= 0 ? pitch.resultIndex : Infinity;
  // Outs said after a play that made one ("Strike three. Two outs.") are the outs after it: the text does not say
  // the outs before the pitch, and the game-state reader infers them (as it does the count).
  const { outs } = parseOuts(lower, afterResult);
  return {
    text,
    lower,
    // A recap of several plate appearances names players who are no longer at the plate or on the mound.
    recap: isRecap(lower),
    fields: {
      inning_number: inning.number,
      inning_half: inning.half,
      outs,
      runners_on_base: parseRunners(lower, afterResult),
      pre_pitch_balls: pitch.pre.balls ?? null,
      pre_pitch_strikes: pitch.pre.strikes ?? null,
      post_pitch_balls: pitch.post.balls ?? null,
      post_pitch_strikes: pitch.post.strikes ?? null,
      pitch_type: pitch.pitch_type,
      pitch_velocity_mph: pitch.pitch_velocity_mph,
      pitch_result: pitch.pitch_result,
      ball_in_play: pitch.ball_in_play,
    },
  };
}


export const namesOf = (p: ReadParagraph, roster: NameRoster | undefined): Names =>
  p.recap ? { pitcher: null, batter: null } : parseNames(p.text, roster);

/** One paragraph read on its own: what it says, and the names it gives for a roster. */
export interface ParagraphReading {
  read: ReadParagraph;
  names: Names;
}

/** Read each paragraph on its own (in order), with the names for `roster`. */
export function readParagraphs(texts: readonly string[], roster: NameRoster | undefined): ParagraphReading[] {
  return texts.map((text) => {
    const read = readParagraph(text);
    return { read, names: namesOf(read, roster) };
  });
}
