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

/**
 * The count before the pitch as an opening phrase: "On the 2-1 pitch", "With the count
 * two balls and one strike", "Full count", "First pitch".
 */
export function countLead(rng: Rng, voice: Voice, balls: number, strikes: number): Phrase {
  const facts = { pre_pitch_balls: balls, pre_pitch_strikes: strikes };
  if (balls === 0 && strikes === 0 && rng.chance(0.6)) return phrase(rng.pick(["on the first pitch", "first pitch of the at-bat", "to start the at-bat, on an 0-0 count"]), facts);
  if (balls === 3 && strikes === 2 && rng.chance(0.6)) return phrase(rng.pick(["on the full-count pitch", "with the count full", "at three and two, the payoff pitch", "on a full count"]), facts);
  const c = countText(balls, strikes, rng.pick(voice.countStyles));
  if (c.includes("ball")) return phrase(rng.pick([`with the count at ${c}`, `with ${c}`, `at ${c}`]), facts);
  return phrase(rng.pick([`on the ${c} pitch`, `on a ${c} count`, `with the count ${c}`, `${c} count`, `ahead ${c}`].filter((x) => !x.startsWith("ahead") || strikes > balls)), facts);
}

/** The count afterwards, said only when the count before is also in the text. */
export function countAfter(rng: Rng, voice: Voice, balls: number, strikes: number): string | null {
  if (balls > 3 || strikes > 2) return null;
  if (balls === 3 && strikes === 2) return rng.pick(["the count runs full", "and now it is full", "that runs it full"]);
  const c = countText(balls, strikes, rng.pick(voice.countStyles));
  return rng.pick([`the count goes to ${c}`, `that makes it ${c}`, `now ${c}`]);
}
