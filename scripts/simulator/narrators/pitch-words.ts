import type { PitchTypeCode } from "../../../src/domain";
import type { Rng } from "../rng";
import { phrase, type Phrase } from "./paragraph";
import { PITCH_WORDS, withArticle } from "./pitch-names";
import type { Voice } from "./voices";
import { countText, numberWord } from "./words";

/**
 * The pitch as a noun phrase: "a 95-mph four-seamer", "a slider at 86", "a curveball, clocked
 * at 79 miles per hour", "a 97-mph offering" (no type), "the pitch" (neither).
 */
export function pitchDescriptor(rng: Rng, voice: Voice, code: PitchTypeCode, mph: number, sayType: boolean, sayVelo: boolean): Phrase {
  const type = rng.pick(PITCH_WORDS[code][voice.pitchWords]);
  const value = voice.decimals && rng.chance(0.8) ? Math.round(mph * 10) / 10 : Math.round(mph);
  const digits = voice.decimals ? value.toFixed(Number.isInteger(value) ? 0 : 1) : String(value);
  const useWords = !voice.decimals && rng.chance(voice.numberWords) && Number.isInteger(value);
  const v = useWords ? numberWord(value) : digits;
  const facts = { ...(sayType ? { pitch_type: type } : {}), ...(sayVelo ? { pitch_velocity_mph: value } : {}) };
  if (sayType && sayVelo) {
    return phrase(rng.pick([
      withArticle(`${v}-mph ${type}`),
      `${withArticle(type)} at ${v}`,
      `${withArticle(type)} at ${v} mph`,
      `${withArticle(type)}, clocked at ${v} miles per hour`,
      `${withArticle(type)}, ${v} on the gun`,
      useWords ? withArticle(`${v}-mile-an-hour ${type}`) : `${withArticle(type)} at ${v} miles an hour`,
    ]), facts);
  }
  if (sayType) return phrase(rng.pick([withArticle(type), withArticle(type), `his ${type}`]), facts);
  if (sayVelo) return phrase(rng.pick([withArticle(`${v}-mph offering`), `one at ${v} mph`, `a pitch clocked at ${v} miles per hour`]), facts);
  return phrase(rng.pick(["the pitch", "the next one", "his next delivery", "the offering"]));
}

/** The count before the pitch, as a sentence opener ("On the 2-1 pitch") and as a tail ("on a 2-1 count"). */
export interface CountWords {
  lead: string;
  tail: string;
  facts: { pre_pitch_balls: number; pre_pitch_strikes: number };
}

export function countWords(rng: Rng, voice: Voice, balls: number, strikes: number): CountWords {
  const facts = { pre_pitch_balls: balls, pre_pitch_strikes: strikes };
  const two = (lead: string, tail: string) => ({ lead, tail, facts });
  if (balls === 0 && strikes === 0) {
    return rng.pick([two("on the first pitch", "on the first pitch"), two("first pitch of the at-bat", "to open the at-bat, an 0-0 count"), two("on an 0-0 count", "on the first pitch he sees")]);
  }
  if (balls === 3 && strikes === 2 && rng.chance(0.6)) {
    return rng.pick([two("on the full-count pitch", "on a full count"), two("with the count full", "with the count full"), two("at three and two, the payoff pitch", "on the payoff pitch at 3-2"), two("full count", "with the count full at 3-2")]);
  }
  const c = countText(balls, strikes, rng.pick(voice.countStyles));
  if (c.includes("ball")) return rng.pick([two(`with the count at ${c}`, `with the count at ${c}`), two(`at ${c}`, `with ${c} on him`)]);
  const options = [two(`on the ${c} pitch`, `on the ${c} pitch`), two(`on a ${c} count`, `on a ${c} count`), two(`with the count ${c}`, `with the count ${c}`), two(`${c} count`, `on a ${c} count`)];
  if (strikes > balls) options.push(two(`ahead ${c}`, `ahead in the count ${c}`));
  if (balls > strikes) options.push(two(`behind ${c}`, `behind in the count ${c}`));
  return rng.pick(options);
}

/** The count afterwards, said only when the count before is also in the text. */
export function countAfter(rng: Rng, voice: Voice, balls: number, strikes: number): string | null {
  if (balls > 3 || strikes > 2) return null;
  if (balls === 3 && strikes === 2) return rng.pick(["the count runs full", "and now it is full", "that runs it full"]);
  const c = countText(balls, strikes, rng.pick(voice.countStyles));
  return rng.pick([`the count goes to ${c}`, `that makes it ${c}`, `now ${c}`]);
}
