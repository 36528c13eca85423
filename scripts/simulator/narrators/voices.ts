import { SHARED_COLOR, VOICE_COLOR } from "./color";
import type { CountStyle } from "./words";

/**
 * The broadcasters. Each has habits: how often he names the pitcher in full, whether he
 * says numbers as words, how much of the situation he repeats, which pitch words he uses.
 * One voice calls a whole half-inning, as a booth rotates its announcers.
 */
export type VoiceId = "booth" | "radio" | "analyst" | "folksy" | "wire";

export interface Voice {
  id: VoiceId;
  /** Present-tense call, or a past-tense report. */
  tense: "present" | "past";
  fullName: number;
  numberWords: number;
  countStyles: CountStyle[];
  pitchWords: "plain" | "slang" | "formal";
  /** How often each fact is mentioned on a pitch row. */
  say: { inning: number; outs: number; runners: number; score: number; pitcher: number; batter: number; count: number; type: number; velo: number };
  /** Velocity to one decimal (the analyst reads the radar). */
  decimals: boolean;
  /** Chance of adding asides beyond what the minimum length needs. */
  chatter: number;
  /** Asides that carry no fact, to fill a paragraph: this voice's own and the shared ones. */
  color: string[];
}

export const VOICES: Record<VoiceId, Voice> = {
  booth: {
    id: "booth", chatter: 0.3, tense: "present", fullName: 0.45, numberWords: 0.15, countStyles: ["digits", "digits", "and-words", "long"], pitchWords: "plain", decimals: false,
    say: { inning: 0.45, outs: 0.55, runners: 0.5, score: 0.4, pitcher: 0.85, batter: 0.85, count: 0.85, type: 0.9, velo: 0.7 },
    color: [...VOICE_COLOR.booth, ...SHARED_COLOR],
  },
  radio: {
    id: "radio", chatter: 0.45, tense: "present", fullName: 0.25, numberWords: 0.7, countStyles: ["hyphen-words", "and-words", "hyphen-words", "digits"], pitchWords: "slang", decimals: false,
    say: { inning: 0.3, outs: 0.6, runners: 0.55, score: 0.45, pitcher: 0.7, batter: 0.8, count: 0.8, type: 0.75, velo: 0.5 },
    color: [...VOICE_COLOR.radio, ...SHARED_COLOR],
  },
  analyst: {
    id: "analyst", chatter: 0.35, tense: "present", fullName: 0.55, numberWords: 0.05, countStyles: ["digits", "digits", "digits", "long"], pitchWords: "formal", decimals: true,
    say: { inning: 0.5, outs: 0.5, runners: 0.45, score: 0.3, pitcher: 0.9, batter: 0.9, count: 0.95, type: 0.97, velo: 0.95 },
    color: [...VOICE_COLOR.analyst, ...SHARED_COLOR],
  },
  folksy: {
    id: "folksy", chatter: 0.55, tense: "present", fullName: 0.12, numberWords: 0.8, countStyles: ["hyphen-words", "and-words", "hyphen-words", "long"], pitchWords: "slang", decimals: false,
    say: { inning: 0.25, outs: 0.45, runners: 0.45, score: 0.3, pitcher: 0.6, batter: 0.75, count: 0.7, type: 0.75, velo: 0.4 },
    color: [...VOICE_COLOR.folksy, ...SHARED_COLOR],
  },
  wire: {
    id: "wire", chatter: 0.15, tense: "past", fullName: 0.5, numberWords: 0.1, countStyles: ["digits", "digits", "long"], pitchWords: "plain", decimals: false,
    say: { inning: 0.6, outs: 0.5, runners: 0.4, score: 0.45, pitcher: 0.9, batter: 0.9, count: 0.8, type: 0.85, velo: 0.75 },
    // The shared asides are in the present tense; the wire report keeps to its own.
    color: [...VOICE_COLOR.wire],
  },
};

export const VOICE_IDS = Object.keys(VOICES) as VoiceId[];
