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
  /** Asides that carry no fact, to fill a paragraph. */
  color: string[];
}

export const VOICES: Record<VoiceId, Voice> = {
  booth: {
    id: "booth", tense: "present", fullName: 0.45, numberWords: 0.15, countStyles: ["digits", "digits", "and-words", "long"], pitchWords: "plain", decimals: false,
    say: { inning: 0.45, outs: 0.55, runners: 0.5, score: 0.4, pitcher: 0.85, batter: 0.85, count: 0.85, type: 0.9, velo: 0.7 },
    color: [
      "You can feel the tension all around Tidewater Park tonight.",
      "A Game 7 crowd on its feet, towels waving in every section.",
      "The wind has died down, and it is a cool, clear evening by the water.",
      "Every pitch carries a season on it at this point.",
      "The dugout rail is crowded with players who cannot sit still.",
      "They have played seven games and well over sixty innings to get here.",
      "Nobody in the building is looking at a phone right now.",
      "Both managers have emptied most of their playbooks already.",
    ],
  },
  radio: {
    id: "radio", tense: "present", fullName: 0.25, numberWords: 0.7, countStyles: ["hyphen-words", "and-words", "hyphen-words", "digits"], pitchWords: "slang", decimals: false,
    say: { inning: 0.3, outs: 0.6, runners: 0.55, score: 0.45, pitcher: 0.7, batter: 0.8, count: 0.8, type: 0.75, velo: 0.5 },
    color: [
      "Oh, this place is rocking, folks, you can hear it through the radio!",
      "If you are just joining us, pull the car over, because you will want to hear this.",
      "What a ballgame we have got on our hands tonight!",
      "The flags out in center are snapping and so are the nerves.",
      "Hang on to your hats, everybody!",
      "I have called a lot of games, and this one is right up there.",
      "The noise in this ballpark is simply incredible.",
      "Forty thousand people holding their breath at once!",
    ],
  },
  analyst: {
    id: "analyst", tense: "present", fullName: 0.55, numberWords: 0.05, countStyles: ["digits", "digits", "digits", "long"], pitchWords: "formal", decimals: true,
    say: { inning: 0.5, outs: 0.5, runners: 0.45, score: 0.3, pitcher: 0.9, batter: 0.9, count: 0.95, type: 0.97, velo: 0.95 },
    color: [
      "The spin rate on that one was well above his season average.",
      "Location has been the whole story of this matchup so far.",
      "Tunneling off the same release point makes that sequence hard to read.",
      "His extension tonight is a tick longer than it was in Game 3.",
      "Look at the catcher's setup, he wanted it on the black all along.",
      "Hitters have chased out of the zone less often in this series than all year.",
      "The swing decisions in this at-bat have been excellent on both sides.",
      "Vertical movement is what separates his stuff from the league average.",
    ],
  },
  folksy: {
    id: "folksy", tense: "present", fullName: 0.12, numberWords: 0.8, countStyles: ["hyphen-words", "and-words", "hyphen-words", "long"], pitchWords: "slang", decimals: false,
    say: { inning: 0.25, outs: 0.45, runners: 0.45, score: 0.3, pitcher: 0.6, batter: 0.75, count: 0.7, type: 0.75, velo: 0.4 },
    color: [
      "Well, my old manager used to say the seventh game plays itself, but I never believed him.",
      "You could hang laundry on the tension in this ballpark.",
      "Goodness, they are making everybody earn it tonight.",
      "That is old-fashioned baseball, the way my granddad liked it.",
      "I tell you what, nobody is leaving early tonight.",
      "Fellas in the bullpen are stretching out, just in case.",
      "Somebody pass me a glass of water, my nerves are shot.",
      "Kids watching at home will remember this one for a long time.",
    ],
  },
  wire: {
    id: "wire", tense: "past", fullName: 0.5, numberWords: 0.1, countStyles: ["digits", "digits", "long"], pitchWords: "plain", decimals: false,
    say: { inning: 0.6, outs: 0.5, runners: 0.4, score: 0.45, pitcher: 0.9, batter: 0.9, count: 0.8, type: 0.85, velo: 0.75 },
    color: [
      "The sellout crowd at Tidewater Park rose with nearly every pitch.",
      "Both clubs had split the first six games of the Series.",
      "A light mist drifted in from the harbor as the evening wore on.",
      "Scouts behind home plate scribbled notes on every delivery.",
      "It was the kind of sequence that decides championships.",
      "The public-address system stayed silent while the crowd did the work.",
      "Players on both benches stood at the rail.",
      "Bullpen phones rang more than once during the inning.",
    ],
  },
};

export const VOICE_IDS = Object.keys(VOICES) as VoiceId[];
