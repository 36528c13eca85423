import type { GameEvent } from "../game-state";
import type { Rng } from "../rng";
import type { Paragraph } from "./paragraph";
import { narratePitch } from "./pitch-call";
import { narrateAtBatStart, narrateGameEnd, narrateInningStart, narrateLineupChange, narrateMoundVisit, narratePitchingChange, narrateRecap } from "./scene-calls";
import type { Voice } from "./voices";

export { VOICES, VOICE_IDS, type Voice, type VoiceId } from "./voices";
export { Paragraph, MIN_LENGTH, MAX_LENGTH } from "./paragraph";

/** The paragraph one voice gives for one event. */
export function narrate(rng: Rng, voice: Voice, ev: GameEvent): Paragraph {
  switch (ev.kind) {
    case "pitch":
      return narratePitch(rng, voice, ev);
    case "inning_start":
      return narrateInningStart(rng, voice, ev);
    case "at_bat_start":
      return narrateAtBatStart(rng, voice, ev);
    case "pitching_change":
      return narratePitchingChange(rng, voice, ev);
    case "mound_visit":
      return narrateMoundVisit(rng, voice, ev);
    case "lineup_change":
      return narrateLineupChange(rng, voice, ev);
    case "inning_recap":
      return narrateRecap(rng, voice, ev);
    case "game_end":
      return narrateGameEnd(rng, voice, ev);
  }
}
