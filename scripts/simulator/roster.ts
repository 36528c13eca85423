import type { PitchTypeCode } from "../../src/domain";

/** The fictional World Series Game 7: the Red Mesa Coyotes visit the Harbor Bay Herons at Tidewater Park. */
export type Side = "home" | "away";

export interface Team {
  side: Side;
  /** Full name as in the reference tables' `team` column. */
  name: string;
  city: string;
  nickname: string;
  manager: string;
}

export const TEAMS: Record<Side, Team> = {
  home: { side: "home", name: "Harbor Bay Herons", city: "Harbor Bay", nickname: "Herons", manager: "Maureen Castellanos" },
  away: { side: "away", name: "Red Mesa Coyotes", city: "Red Mesa", nickname: "Coyotes", manager: "Walt Duchesne" },
};

export const BALLPARK = "Tidewater Park";

export interface PitchSpec {
  code: PitchTypeCode;
  /** Typical velocity when fresh. */
  mph: number;
  /** How often he throws it, relative to his other pitches. */
  weight: number;
}

export interface PitcherSpec {
  id: number;
  name: string;
  side: Side;
  throws: "R" | "L";
  role: "starter" | "reliever" | "closer";
  /** Pitches he can throw before tiring. */
  stamina: number;
  arsenal: PitchSpec[];
}

export interface BatterSpec {
  id: number;
  name: string;
  side: Side;
  position: string;
  bats: "R" | "L" | "S";
  /** 0..1: how often contact turns into a hit, and how far it goes. */
  contact: number;
  power: number;
  /** Starters bat in this order (1..9); bench players have none. */
  order?: number;
}

const p = (code: PitchTypeCode, mph: number, weight: number): PitchSpec => ({ code, mph, weight });

/** Bullpens in the order the managers go to them (starter first, closer last). */
export const PITCHERS: PitcherSpec[] = [
  { id: 101, name: "Tomás Arreola", side: "home", throws: "R", role: "starter", stamina: 104, arsenal: [p("FF", 96, 45), p("SL", 87, 25), p("CH", 88, 15), p("CU", 80, 15)] },
  { id: 102, name: "Quinn Halvorsen", side: "home", throws: "L", role: "reliever", stamina: 32, arsenal: [p("SI", 93, 45), p("SL", 84, 35), p("CH", 85, 20)] },
  { id: 103, name: "Desmond Okafor", side: "home", throws: "R", role: "reliever", stamina: 30, arsenal: [p("FF", 98, 50), p("ST", 84, 30), p("FS", 88, 20)] },
  { id: 104, name: "Emeric Vance", side: "home", throws: "R", role: "reliever", stamina: 38, arsenal: [p("FC", 92, 35), p("SI", 94, 30), p("CU", 79, 20), p("CH", 86, 15)] },
  { id: 105, name: "Jun Takeda", side: "home", throws: "R", role: "reliever", stamina: 34, arsenal: [p("FS", 87, 35), p("FF", 95, 40), p("SL", 86, 25)] },
  { id: 106, name: "Marcus Bellweather", side: "home", throws: "L", role: "reliever", stamina: 45, arsenal: [p("FF", 94, 45), p("KC", 81, 35), p("CH", 84, 20)] },
  { id: 107, name: "Rafael Ocampo", side: "home", throws: "R", role: "closer", stamina: 40, arsenal: [p("FF", 99, 55), p("SL", 89, 25), p("FS", 90, 20)] },
  { id: 108, name: "Wendell Strand", side: "away", throws: "R", role: "starter", stamina: 100, arsenal: [p("FF", 95, 35), p("SI", 94, 20), p("CU", 78, 15), p("CH", 86, 15), p("SL", 85, 15)] },
  { id: 109, name: "Ignacio Ferrante", side: "away", throws: "L", role: "reliever", stamina: 34, arsenal: [p("FF", 93, 45), p("CH", 82, 30), p("SL", 83, 25)] },
  { id: 110, name: "Brody Kettleman", side: "away", throws: "R", role: "reliever", stamina: 32, arsenal: [p("SI", 96, 50), p("ST", 82, 35), p("CH", 88, 15)] },
  { id: 111, name: "Aurelio Sandoval", side: "away", throws: "R", role: "reliever", stamina: 36, arsenal: [p("FC", 93, 40), p("KC", 82, 30), p("FF", 96, 30)] },
  { id: 112, name: "Nils Abernathy", side: "away", throws: "L", role: "reliever", stamina: 48, arsenal: [p("SL", 85, 35), p("SI", 91, 40), p("CU", 76, 25)] },
  { id: 113, name: "Cyrus Whitlock", side: "away", throws: "R", role: "closer", stamina: 40, arsenal: [p("FF", 100, 50), p("ST", 86, 30), p("FS", 91, 20)] },
];

export const BATTERS: BatterSpec[] = [
  { id: 201, name: "Kenji Matsuda", side: "home", position: "CF", bats: "L", contact: 0.62, power: 0.3, order: 1 },
  { id: 202, name: "Darnell Pryce", side: "home", position: "SS", bats: "R", contact: 0.55, power: 0.4, order: 2 },
  { id: 203, name: "Mateo Villalobos", side: "home", position: "1B", bats: "L", contact: 0.58, power: 0.75, order: 3 },
  { id: 204, name: "Grady Ostrowski", side: "home", position: "3B", bats: "R", contact: 0.52, power: 0.7, order: 4 },
  { id: 205, name: "Elijah Fairweather", side: "home", position: "RF", bats: "S", contact: 0.54, power: 0.5, order: 5 },
  { id: 206, name: "Sione Tupou", side: "home", position: "C", bats: "R", contact: 0.45, power: 0.55, order: 6 },
  { id: 207, name: "Callum Brannock", side: "home", position: "LF", bats: "L", contact: 0.5, power: 0.35, order: 7 },
  { id: 208, name: "Rubén Espinal", side: "home", position: "2B", bats: "R", contact: 0.5, power: 0.25, order: 8 },
  { id: 209, name: "Theo Lindqvist", side: "home", position: "DH", bats: "R", contact: 0.46, power: 0.6, order: 9 },
  { id: 210, name: "Amos Redcloud", side: "home", position: "PH", bats: "L", contact: 0.56, power: 0.45 },
  { id: 211, name: "Felix Dunmore", side: "home", position: "PH", bats: "R", contact: 0.5, power: 0.65 },
  { id: 212, name: "Javier Solano", side: "away", position: "2B", bats: "S", contact: 0.6, power: 0.3, order: 1 },
  { id: 213, name: "Rhys Carrow", side: "away", position: "CF", bats: "L", contact: 0.57, power: 0.4, order: 2 },
  { id: 214, name: "Benito Zamora", side: "away", position: "SS", bats: "R", contact: 0.55, power: 0.7, order: 3 },
  { id: 215, name: "Wesley Achebe", side: "away", position: "1B", bats: "R", contact: 0.53, power: 0.8, order: 4 },
  { id: 216, name: "Lars Henning", side: "away", position: "DH", bats: "L", contact: 0.5, power: 0.6, order: 5 },
  { id: 217, name: "Tobias Greer", side: "away", position: "LF", bats: "R", contact: 0.5, power: 0.45, order: 6 },
  { id: 218, name: "Manny Quiroga", side: "away", position: "3B", bats: "R", contact: 0.48, power: 0.4, order: 7 },
  { id: 219, name: "Hollis Pike", side: "away", position: "C", bats: "R", contact: 0.44, power: 0.35, order: 8 },
  { id: 220, name: "Ezra Winslow", side: "away", position: "RF", bats: "L", contact: 0.47, power: 0.3, order: 9 },
  { id: 221, name: "Otis Beaumont", side: "away", position: "PH", bats: "R", contact: 0.55, power: 0.6 },
  { id: 222, name: "Dario Mancuso", side: "away", position: "PH", bats: "L", contact: 0.57, power: 0.4 },
];

export function pitcherById(id: number): PitcherSpec {
  const found = PITCHERS.find((x) => x.id === id);
  if (!found) throw new Error(`No pitcher ${id}`);
  return found;
}

export function batterById(id: number): BatterSpec {
  const found = BATTERS.find((x) => x.id === id);
  if (!found) throw new Error(`No batter ${id}`);
  return found;
}

/** The starting nine of a side, in batting order. */
export function startingLineup(side: Side): number[] {
  return BATTERS.filter((b) => b.side === side && b.order !== undefined)
    .sort((a, b) => a.order! - b.order!)
    .map((b) => b.id);
}

export function bench(side: Side): number[] {
  return BATTERS.filter((b) => b.side === side && b.order === undefined).map((b) => b.id);
}

export function bullpen(side: Side): PitcherSpec[] {
  return PITCHERS.filter((x) => x.side === side);
}
