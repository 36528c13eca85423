import { foldName } from "../offline/name-parser";

// A nickname is no new player: a short capitalized phrase the broadcast puts in quotes on its own ("Danny Paredes,
// "The Arrow," two outs", ""Big Papi," they call him"), or a Spanish article and a word ("El Mago", "La Flecha"),
// as Latin players' nicknames go, written where a name would be ("with La Flecha on first").
const QUOTED = /["“]((?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2}),?["”]/gu;
const ARTICLE = /^(?:El|La|Los|Las)\s+\p{Lu}[\p{L}'’-]*$/u;

/** The nicknames the text gives players (folded), to be left out of the people it names. */
export function nicknamesIn(text: string): Set<string> {
  return new Set([...text.matchAll(QUOTED)].map((m) => foldName(m[1]!)));
}

/** Whether a name as written is a nickname rather than a player's name ("La Flecha", or one the text quotes alone). */
export function isNickname(name: string, nicknames: ReadonlySet<string>): boolean {
  return ARTICLE.test(name) || nicknames.has(foldName(name));
}
