import { SELF_CORRECTION_PHRASES } from "./lexicon";
import { saysInningBreak } from "../state/inning-breaks";
import { grammarNames, isStopWord, type Names } from "./name-grammar";

/** Known players, when the reference tables are at hand: matching the roster beats guessing from grammar. */
export interface NameRoster {
  pitchers: string[];
  batters: string[];
  /** Lower-cased team words, so "Boston" is not read as a player. */
  teamWords?: string[];
}

export type { Names };

/** Strip accents and case so "Peña" matches "pena"; keeps a map back to the original positions. */
export function foldText(text: string): { folded: string; map: number[] } {
  let folded = "";
  const map: number[] = [];
  // ASCII (nearly every character) folds to itself, lower-cased: no Unicode normalisation needed. A run of it is
  // lower-cased whole (for ASCII, toLowerCase changes only A-Z), not a character at a time.
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      map.push(i);
      continue;
    }
    if (run < i) folded += text.slice(run, i).toLowerCase();
    run = i + 1;
    const f = text[i]!.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\u2019\u2018]/g, "'");
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
  }
  if (run < text.length) folded += (run === 0 ? text : text.slice(run)).toLowerCase();
  map.push(text.length);
  return { folded, map };
}

export const foldName = (name: string) => foldText(name).folded.replace(/\s+/g, " ").trim();
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SUFFIX = /\s+(?:jr\.?|sr\.?|ii|iii|iv)$/;
/** A name's surname, folded ("José Peña Jr." → "pena"); names recur from row to row, so each is folded once. */
export function surnameOf(name: string): string {
  let sur = surnames.get(name);
  if (sur === undefined) {
    if (surnames.size > 10_000) surnames.clear();
    sur = foldName(name).replace(SUFFIX, "").split(" ").pop() ?? "";
    surnames.set(name, sur);
  }
  return sur;
}
const surnames = new Map<string, string>();

interface Mention {
  role: "pitcher" | "batter";
  index: number;
  text: string;
  full: boolean;
  /** Leaving (a relieved pitcher, a batter pinch-hit for, a runner scoring) or only fielding ("the catcher Tupou"). */
  departing: boolean;
  /** Said to be coming in: "entra Takeda, from the bullpen", "in comes Vance". */
  arriving: boolean;
  /** The pitcher a visit to the mound goes to: "out to talk to Vance", "goes out to settle Vance down". */
  visited: boolean;
  /** Placed on the bases ("Marsh is off", "with Marsh in scoring position"): then none of his mentions is at the plate. */
  runner: boolean;
  /** A batter said to come to the plate: "here comes Vance", "Vance steps in", "the pitch to Vance". */
  steppingIn: boolean;
  /** A batter said to act on this pitch ("Vance swings", "Vance takes"): he is at the plate, whoever is announced after him. */
  bats: boolean;
  /** Credited with a play already made ("sacrifice fly for Vance"): the batter only when no one else is named. */
  past: boolean;
  /** Fielding or catching on this play ("Ruiz throws off the mask", "right at Ruiz"): not at the plate. */
  fielding: boolean;
}

// A fielder named with the way he went for the ball: "past a diving Kessler", "over the leaping Pruitt".
const FIELDER_BEFORE = /(?:catcher|shortstop|baseman|fielder|outfielder|infielder|keeper|backstop|(?:over|on|across|back) to|tosses (?:it )?to|feeds|(?:right|directly|straight) at|(?:throw|relay|peg|toss|flip|feed|catch|grab|stop|play|tag|pick) by|\b(?:a|an|the) (?:diving|sliding|leaping|lunging|charging|backpedaling|backpedalling|ranging|drawn-in|outstretched|shifted)) $/;
// A fielder at work: "Lindqvist makes a diving stop", "Lindqvist backhands it", "Lindqvist with the relay", "Lindqvist turns two".
const FIELDER_AT_WORK = /^ (?:makes (?:a|the|another) (?:[a-z-]+ ){0,2}(?:catch|play|stop|grab|pick)|backhands|snares|snags|spears|scoops|robs|charges|picks it|leaps|turns (?:two|the double play)|starts the double play|with the (?:throw|relay|tag)|with it(?! (?:to|into|over|down|up|through)\b)|puts (?:on )?the tag|applies the tag|makes the tag|on the relay|reaches over|hangs on(?:to| to)? it|holds on(?:to| to)? it|lets it (?:roll|drop|bounce)|cuts (?:it|the ball) off|(?:is )?up and (?:throws|fires))\b/;
// The catcher at work: "gets the sign from Ruiz", "Ruiz stays in to catch", "Ruiz did well to smother it", "Ruiz sets up away".
const CATCHER_BEFORE = /(?:(?:the |his )?signs? from|target from|the mitt of|(?:looks|peers|stares) in (?:at|to)|(?:gets|got|skips|skipped|squirts|squirted|bounces|bounced|kicks|kicked) (?:by|past|away from|off|through)) $/;
const CATCHER_AFTER = /^'s (?:[a-z]+ )?(?:throw|relay|peg|toss|tag|mitt|glove|target|mask|shin ?guards?|chest protector)\b|^'s got it blocked|^ catching(?! up)\b|^(?:,[^,.]{1,30},)? (?:(?:at the plate )?(?:takes the throw|applies the tag|makes the tag|puts the tag on|tags him|blocks the plate)|(?:(?:goes|trots|jogs|walks|heads|comes|is) )?(?:out )?to (?:the mound|talk|visit|settle|calm)|stays in to catch|(?:will|to|is|'s) (?:catch|catching)\b|(?:is |'s )?(?:behind the (?:plate|dish)|crouched|squatting)|(?:did|does|do) (?:well|a nice job|a good job) to|(?:manages|managed|was able|is able) to (?:block|smother|glove|corral|keep|knock)|(?:corrals|knocks it down|frames|sets up|set up|puts down (?:the|one|two)|calls for|throws off (?:the|his) mask|flips (?:off )?(?:the|his) mask|pops up (?:and|to) throw)|blocked it|smothered it|stands up\b|(?:had to |has to |have to )?(?:come|comes|came|pop|pops|popped|spring|springs|sprang) (?:up )?out of (?:his|the) crouch|(?:comes|came|pops|popped) up (?:to throw|throwing|firing)|(?:goes|went|drops|dropped|gets|got) down (?:on|to) (?:his|one) knees?|(?:has|had) got it blocked|reach(?:es|ing|ed)? (?:way )?across (?:his|the) body|(?:could ?n't|can't|could not|cannot|did ?n't|does ?n't) (?:hang|hold) on(?:to| to)? (?:it|the ball|that)|[^.;!?]{0,30}\bbehind the mask\b|stands and (?:steps|moves|shifts|sets up) (?:out|wide|outside|off|to the side))/;
const FIELDER_AFTER = /^ (?:in|at) (?:center|centre|left|right|short|shortstop|second|third|first)\b|^ (?:camps|catches|makes the (?:catch|play|stop)|fields|throws (?:to|over|across|on to|him out)|fires (?:to|home)|dives|ranges|gloves|blocks\b|relays|settles under|gets under it|(?:is|was) (?:shaded|positioned|stationed|shifted|playing (?:deep|shallow|in|back|up|over))\b|(?:shades|shifts|cheats|creeps|slides over|moves over)\b|flips|steps on the bag|takes it himself|(?:is )?up with it|drifts|goes back|(?:is )?coming in|races in|looks him back|keeps it in front|squeezes|hauls|smothers|goes out to|heads out|takes a walk out|joins them|comes out)|^,[^.]{0,30}\b(?:he|she)(?:'s| has) got it/;
// Said of a runner, not of the batter ("is off on the pitch", "will be running", "takes his lead", "with a modest lead",
// "in scoring position", "'s slide", "pinch-runs"; not "is aboard", said of a batter after ball four): "Whitaker takes a step off third", "Carvalho has swiped second", "Halloway, running on
// the pitch, has to go back", "Brugger's being waved around third", "Pettibone stranded at first", "Whitaker ninety feet away".
const RUNNER_AFTER = new RegExp(
  "^'s (?:(?:left|right|head-first|headfirst|feet-first|hard) )?(?:hand|foot|slide|jump|lead|legs|speed)\\b|" +
    "^(?:'s)?,?(?: (?:who [^,.;]{2,30}|running on the pitch|the runner),)?(?: and [a-z]+)?\\s+(?:(?:is|was|isn't|not|has|had|gets|got|goes|went|takes|took|stays|still|stuck|sitting|parked|perched|left|just|already|now|both|then|'s|will|would|'ll|be|(?:has|had|have) to)\\s+){0,3}" +
    "(?:running|going(?! to (?!second|third|home))\\b|goes on the pitch|runs on the pitch|swiped|swipes|steals|stole|stealing|retreats?|strolls|trots(?! (?:down )?to first)|jogs(?! (?:down )?to first)|lumbers|moves (?:up|to)|advances|holds(?! up)|hold(?! up)\\b|has to hold(?! up)|stays put|stayed put|" +
    "scores|scored|(?:out|safe) at (?:second|third|home)|being waved|waved (?:home|around)|dancing|taking (?:a|his|their)|thought about it|a good jump|an? (?:big |good |secondary )*lead\\b|leading off (?:first|second|third)|off (?:first|second|third)|(?:at|on) (?:first|second|third)\\b|" +
    "to (?:second|third|home)|into (?:second|third)|(?:all the way )?around to (?:second|third|home)|rounds (?:second|third)|around third|ninety feet|90 feet|a step off|(?:a )?(?:couple of |few )?steps? off|stranded|left stranded|left on|back to the bag|(?:[a-z]+ )?back to (?:the bag|first|second|third)|" +
    "tags|breaks|bluffs|fakes|feints|(?:gets |is )mobbed|(?:a )?break (?:for|from)|with (?:(?:a|his|their) )?(?:[a-z]+ ){0,2}leads?\\b|back (?:standing|safely|easily|in time|both times|each time|head-?first|without a throw)|scampers?|scoots?|scurries|jogging|motoring|cruises? into (?:second|third)|" +
    "off(?= on the| with the|!| and running)|takes (?:a|his) (?:[a-z]+ )?lead|in scoring position|slid|slides|sliding|" +
    "representing the (?:tying|winning|go-ahead|lead|insurance) run|(?:as )?the (?:tying|winning|go-ahead|lead|insurance) run (?:at|on|to) (?:first|second|third)|leads off (?:first|second|third)(?! (?:inning|base(?:man)?))|an? (?:[a-z]+ )?jump|" +
    "(?:dives?|dived|dove|diving|slides?|sliding|scrambles?|scrambling) back|gets back (?:in|safely|to)|back in (?:safely|easily|standing|with)|pinch[- ]runs|(?:comes|is|goes) in to run|will run for|runs for|picked off|caught stealing|caught in a rundown|doubled off|(?:gets |is |was )?thrown out (?:stealing|trying|at (?:second|third|home))|in safely|in ahead of the (?:throw|tag)|beats the (?:throw|tag) (?:to|at|into) (?:second|third|home)|(?:goes|went|races|raced) first to third)(?![a-z])",
);
// A runner named before his name: "here goes Ocasio", "that's steal number three for Marsh", "pinch-runner Vance".
const RUNNER_BEFORE = /(?:checks|checks on|looks back|holds on|keeps an eye on|eyes|throws over to keep|steps off on|runner|pinch-runner|pinch runner|throw from|relay to|flips to|bounces off|off of|(?:here|there|and there|away) goes) $|\b(?:steal|stolen base|swipe|theft)\b[^.;!?]{0,30}\bfor $|\b(?:run|runner|man) (?:at|on|to) (?:first|second|third)(?: base)?,? (?:in|is) $/;
// The next man, not this one: "Varela on deck", "Varela, waiting on deck,". (Not passed on: he may step in later in the paragraph.)
const ON_DECK = /^,? (?:is |waits |waiting |stands |standing )?(?:on deck|in the on-deck circle)\b/;
const ON_DECK_TAKEN_BACK = new RegExp(`^[^.;!?]{0,30}?(?:—|–|-{1,2}|\\.{2,}|…|,)\\s*(?:(?:uh|um|er|no|${SELF_CORRECTION_PHRASES}),?\\s*)+(?:he's |he is )?(?:in the (?:batter's )?box|at the plate|up to bat|up now|stepping in|steps in|batting)`);
// Warming up in the bullpen is not pitching: "is throwing in the Kettle Falls pen", "getting loose down the line".
const WARMING_UP = /^,?(?: is| was)?(?: still| now| already| busy)? (?:up in the (?:[a-z]+ ){0,3}(?:pen|bullpen)|warming|getting loose|loosening|throwing (?:hard )?(?:out )?(?:down )?in the (?:[a-z]+ ){0,3}(?:pen|bullpen))/;
// A pitching decision ("Albers gets the win", "Brannigan, who doubled, gets the save") sums up the game: no one at work.
const DECISION = /^(?:,[^.;]{1,40},)?,? (?:gets|got|earns|earned|takes|took|picks up|picked up|is credited with|was credited with|is tagged with|was tagged with) (?:the |his [a-z0-9]+ )?(?:win|loss|save|hold|victory|decision)\b/;
// Words on a sign or a banner in the stands ("a sign that says MARLOWE FOR MAYOR") name no one at work.
const ON_A_SIGN = /\b(?:sign|banner|poster|placard|t-shirt|shirt)s? (?:that )?(?:says|said|reads|reading|saying|with)\s*["“']?$/;
// A play of earlier in the game: "Brugger's two-run shot", "Kaito Marlowe's two-run blast".
const PAST_PLAY_AFTER = /^'s (?:[a-z-]+ ){0,2}(?:shot|blast|homer|home run|double|single|triple|hit|sac fly|sacrifice|knock|rbi|bomb)\b|^,? (?:takes|took|gets|got|comes out for) (?:a|his) curtain call\b/;
// A pitcher's record, not his work on this pitch: "Brandvold's fourth blown save", "Ames's first win since May".
const PITCHER_RECORD = /^'s? (?:[a-z0-9-]+ ){0,2}(?:blown saves?|saves?|wins?|loss(?:es)?|no-hitters?|shutouts?|complete games?)\b(?! (?:chance|opportunity|situation|line|on the line))/;
// A play credited to a batter, told as done ("sacrifice fly for Birch", "the RBI single by Birch", "Sacrifice fly, Birch,"):
// the batter of this paragraph only when no one else is named (a new batter is coming up).
const CREDITED_BEFORE = /(?:sac(?:rifice)? (?:fly|bunt)|sacrifice|rbi (?:single|double|triple|groundout|hit)|(?:solo|two-run|three-run) (?:shot|homer|home run|blast)|grand slam|home run|homer|base hit|single|double|triple|(?:free )?pass|walk)(?: (?:there|here))? (?:for|by|to),? $|(?:sac(?:rifice)? fly|sacrifice bunt|rbi single|rbi double), $/;
// A record, not an act: "Ferraro has walked 71 times this year", "the first slider Pellegrini has thrown tonight".
const STAT_ASIDE = /^,? (?:has|had|'s) (?:now |already |only |never |just )?(?:walked|thrown|struck out|fanned|allowed|faced|hit|homered|stolen|swiped|gone|reached|driven in|drawn|singled|doubled|pitched|worked|given up|surrendered|made|seen)\b[^.;!?"]{0,50}?\b(?:this (?:year|season|month|series|postseason|spring)|all (?:year|season|month|night|series|spring)|tonight|on the (?:year|season|night)|in (?:his|her) career|so far|(?:\d+|[a-z]+) times)\b/;
// A name taken back: "Stoltz... sorry, Heinz", "Ruiz, no, Ortiz", "Ruiz -- I mean Ortiz".
const RETRACTED = new RegExp(`^\\s*(?:\\.{2,}|…|,|—|–|-{1,2})\\s*(?:(?:${SELF_CORRECTION_PHRASES})\\b|no(?:,|\\s*—|\\.{2,}))`);
// The batter at work on this pitch, in the present of the call.
const BATS = /^(?:,[^,.]{1,30},)? (?:swings|takes(?! (?:a|his) (?:lead|walk|trip|stroll|curtain))|fouls|watches|grounds|flies|lines|pops|singles|doubles|triples|homers|strikes out|bunts|chops|lofts|lifts|rips|hits|drives|smacks|spoils|fights|checks|lays off|bounces|taps|skies|spins away|is hit|gets hit|(?:doesn't|does not|won't) (?:offer|swing|chase|bite)|turns on|jumps on|hammers|crushes|launches|belts|blasts|ropes|laces|slaps|pulls|scorches|smokes|muscles|bloops|dumps|pokes|punches|strokes|slices|pounds|clubs|mashes|barrels|squares|drills|sends|legs|beats|reaches|draws(?! (?:a|another|the) (?:throw|pickoff|look))|walks|works|gets (?:(?:a|the)(?! (?:[a-z]+ )?(?:read|jump|lead|break|throw)\b)|ahold|all|enough|under|around|jammed|fooled)|puts (?:it|one|the ball) in play)\b/;
// A batter coming to the plate: "here comes Vance", "Vance steps in", "Vance, the designated hitter, steps in", "the pitch to Vance".
const ROLE_WORDS = "catcher|shortstop|(?:first|second|third) baseman|(?:left|center|centre|right) fielder|outfielder|infielder|designated hitter|dh|rookie|veteran|lefty|righty|switch-hitter|slugger|pinch-hitter|pinch hitter|leadoff man|youngster|kid|big man|skipper's son";
// A batter coming up named with his position ("and it's the catcher Lindell", "here's the shortstop Ochoa", "up comes the rookie Ochoa").
const ROLE_INTRO_BEFORE = new RegExp(`(?:(?:and |now |so )?it's|here's|here is|here comes|up comes|brings up|bringing up|next up,?|now batting,?|that brings up) (?:the |our |their |your )?(?:[a-z-]+ )?(?:${ROLE_WORDS}),? $`);
// The man a pinch-hitter bats for: "Hollis, the lefty, comes back for a pinch-hitter", "Hollis is lifted", "Hollis makes way for".
const CALLED_BACK = /^(?:,[^,.]{1,30},)?,? (?:comes back|is called back|gets called back|is brought back|heads back to the dugout|is lifted|gets lifted|is pulled|makes way|gives way)\b/;
const STEPPING_IN_BEFORE = /(?:(?:on purpose|intentionally|intentional walk|intentional pass) to (?:get to|face|pitch to)|(?:walk|walks|walked|walking) (?:him|[a-z]+) (?:on purpose )?to (?:get to|face|pitch to)|pinch[- ]hitter:|pinch[- ]hitting:|to pinch[- ]hit:|(?:the )?(?:pinch[- ]hitter|hitter|batter) (?:is|will be)|here comes|here's|here is|up comes|up steps|in steps|brings up|bringing up|brought up|(?:the )?next (?:hitter|batter)(?: is)?:?|leading off(?: the (?:inning|[a-z0-9]+(?: inning)?))?,?|now batting:?|batting now:?|next up:?|up next:?|due up:?|(?:first |next )?pitch to|(?:delivers|deals|pitching) to|leading off for [a-z ]+:?) $/;
const STEPPING_IN_AFTER = /^'s up(?=[.,;:!?—–]| now\b| next\b| here\b| again\b)|^(?:,[^.;]{1,50},)?,? (?:steps (?:in|up|to the plate|into the box)|comes (?:up|to the plate)|is coming up|coming up|digs in|will bat|bats (?:left|right)|will lead off|leads off(?! (?:first|second|third|1st|2nd|3rd)\b)|is up next|is due up|will hit|(?:is )?next up|strides to the plate|walks up to the plate|is the (?:hitter|batter)|is up(?=[.,;:!?—–]| now\b| next\b| here\b| again\b| for\b| with\b)|at bat\b|(?:waits|stands|is) (?:in|at) the (?:plate|dish|box|batter's box)|at the (?:plate|dish)(?! (?:takes|applies|blocks|receives|with the tag|for the tag))|in the (?:batter's )?box)/;
// Said to bat, which a fielder word before the name does not undo ("catcher Heinz comes up").
const AT_BAT = /^(?:,[^,.]{1,30},)? (?:steps|digs|swings|bats|is up|leads off|comes up|coming up|is coming up|will bat|will lead off|at the plate|takes(?! a (?:walk|trip|stroll) (?:out )?to)|fouls|watches|grounds|flies|lines|pops|singles|doubles|homers|walks|strikes out)/;
// The man a count or a pitch is thrown to is at the plate on it, whatever he does after ("One-one to Pruitt... into the
// corner! Pruitt into second with a double", "the 2-0 to Kessler"): running on his own hit does not make him a runner.
const PITCHED_TO = /(?:\b(?:[0-3]|oh|one|two|three|nothing|zero)-(?:[0-2]|oh|one|two|nothing|zero)|full count|\bpitch|delivery|offering|deals|delivers|pitching) to $/;
/**
 * Whether the paragraph has this batter act at the plate on its pitch ("Ochoa grounds out", "the pitch to Ochoa",
 * "he lines it to left"), rather than only introduce him ("Ochoa, 2-for-3 with a double", "Ochoa, who singled").
 */
export function saidToBat(text: string, name: string): boolean {
  const { folded } = foldText(text);
  const sur = surnameOf(name);
  if (sur === "") return false;
  if (new RegExp(`\\bhe${BATS.source.slice(1)}`).test(folded)) return true;
  const re = new RegExp(`(?<![\\p{L}])${esc(sur)}(?![\\p{L}])`, "gu");
  for (let m: RegExpExecArray | null; (m = re.exec(folded)) !== null; ) {
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (BATS.test(after) || /(?:pitch|delivers|deals|pitching|throws|fires|deal|delivery|offering) to $/.test(folded.slice(Math.max(0, m.index - 20), m.index))) return true;
  }
  return false;
}

/** Whether the words right after a name (lower case, from the space after it) have him act at the plate ("swings", "lines it"). */
export const batsAfter = (after: string): boolean => BATS.test(after);

const ARRIVAL_AFTER = /^(?:,[^,.]{1,30},)?,? (?:comes? in|is coming in|jogs in|trots in|takes over|enters|from the bullpen|out of the bullpen|into the game|in to pitch|is summoned|gets the call|comes on|will pitch|takes the ball|takes the mound)/;
// The newcomer named with his role: "brings in lefty Pantoja", "in comes the right-hander Pantoja", "calls on the veteran Pantoja".
const ARRIVAL_WITH_ROLE = /(?:in comes|here comes|brings? in|bringing in|calls? on|summons|call goes to|goes to) (?:the |his |a )?(?:[a-z-]+ )?(?:lefty|righty|left-hander|right-hander|lefthander|righthander|southpaw|reliever|closer|veteran|rookie|setup man|fireman|long man),? $/;
const VISITED_BEFORE = /\b(?:(?:goes|comes|heads|walks|jogs|trots|is|takes a (?:walk|trip|stroll)) (?:out )?to (?:talk to|talk with|chat with|speak with|speak to|see|visit|settle|calm)|(?:out|trip) to the mound to (?:talk to|see|settle|calm)|visits(?: with)?|confers with) $/;
const ARRIVAL_BEFORE = /(?:(?:replaced|relieved|succeeded) by|in comes|here comes|brings? in|bringing in|calls? on|summons|call goes to|now pitching:?|new pitcher:?|entra|enter|welcome|and now it's|now it's) $/;

interface NamePattern {
  name: string;
  full: string;
  surname: string;
  re: RegExp;
}

/** Each roster name's folded forms and pattern, built once per roster rather than once per paragraph. */
interface RosterPatterns {
  pitchers: NamePattern[];
  batters: NamePattern[];
  /** How many people (not table rows) have each surname. */
  surnameCount: Map<string, number>;
  /** The surnames of each table, to tell at once whether a name the grammar found is one of them. */
  pitcherSurnames: Set<string>;
  batterSurnames: Set<string>;
}
const patternsByRoster = new WeakMap<NameRoster, RosterPatterns>();

function rosterPatterns(roster: NameRoster): RosterPatterns {
  const cached = patternsByRoster.get(roster);
  if (cached) return cached;
  const surnameCount = new Map<string, number>();
  // Per person, not per table: a two-way player listed as pitcher and batter keeps his surname unique.
  for (const n of new Set([...roster.pitchers, ...roster.batters].map(foldName))) surnameCount.set(surnameOf(n), (surnameCount.get(surnameOf(n)) ?? 0) + 1);
  const build = (names: string[]): NamePattern[] =>
    names.map((name) => {
      const full = foldName(name);
      const surname = surnameOf(name);
      const forms = [full, full.replace(SUFFIX, "")];
      // A surname several people share is still the name as written; which of them it is, the game state says.
      forms.push(surname);
      const re = new RegExp(`(?<![\\p{L}])(${[...new Set(forms)].sort((a, b) => b.length - a.length).map(esc).join("|")})(?![\\p{L}])`, "gu");
      return { name, full, surname, re };
    });
  const patterns = {
    pitchers: build(roster.pitchers), batters: build(roster.batters), surnameCount,
    pitcherSurnames: new Set(roster.pitchers.map(surnameOf)), batterSurnames: new Set(roster.batters.map(surnameOf)),
  };
  patternsByRoster.set(roster, patterns);
  return patterns;
}

// Words that open a clause with a capital and are no one's first name ("If Marsh hangs one", "When Marsh comes set").
const SENTENCE_OPENER = /^(?:And|But|So|Then|Now|Here|Well|Oh|Yes|No|If|When|While|As|Once|Unless|Until|Because|Since|Maybe|Perhaps|Even|Only|Just|Still|Sure|Okay|Tonight|Today|Against|With|For|After|Before|Like|Watch|Look|Ask|Give|Let|Tell|Credit)$/;

function rosterMentions(original: string, roster: NameRoster): Mention[] {
  const { folded, map } = foldText(original);
  const found: Mention[] = [];
  const scan = (patterns: NamePattern[], role: Mention["role"]) => {
    for (const { full, surname: sur, re } of patterns) {
      // Every form of a name ends in the surname: a paragraph without it cannot name him.
      if (!folded.includes(sur)) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(folded)) !== null) {
        const start = map[m.index]!;
        const end = map[m.index + m[0].length] ?? original.length;
        const before = folded.slice(Math.max(0, m.index - 22), m.index);
        const wider = folded.slice(Math.max(0, m.index - 48), m.index);
        const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 60);
        // A bare surname right after another capitalized name is someone else's full name ("Corey Webb" for Nate Webb);
        // a capitalized contraction ("If I'm Sorensen", "That's Marsh") is no first name.
        const prior = /(\p{Lu}[\p{L}'’-]+)\s+$/u.exec(original.slice(Math.max(0, start - 20), start));
        if (m[0] === sur && full.includes(" ") && prior && !isStopWord(prior[1]!) && !SENTENCE_OPENER.test(prior[1]!) &&
          !/^\p{Lu}[\p{L}]*['’](?:m|s|ll|re|ve|d)$/u.test(prior[1]!)) continue;
        // On the bases: "with Odom standing on second", "Odom trots to third", "Odom takes off", "runner Odom", "here goes Odom".
        const runner = /^,? (?:scored|scores|comes (?:around|in|home)|came (?:around|in|home)|crosses|crossed|races home|raced home|steals|stole|advances|advanced|is thrown out|was thrown out)/.test(after) ||
          /^,?(?: is| was)? (?:standing |leading |dancing |taking (?:a|his) lead )?(?:on|at|off) (?:first|second|third|1st|2nd|3rd)\b|^,? (?:trots(?! (?:down )?to first)|jogs(?! (?:down )?to first)|moves up|takes off|breaks for|swipes|swiped|tags up|takes (?:second|third|2nd|3rd)|goes to (?:second|third|2nd|3rd))/.test(after) ||
          RUNNER_BEFORE.test(wider) || RUNNER_AFTER.test(after);
        const steppingIn = role === "batter" && (STEPPING_IN_BEFORE.test(wider) || (/\b(?:brings|bringing|brought|bring) $/.test(before) && /^ (?:up|to the plate|to bat|to the dish)\b/.test(after)) || STEPPING_IN_AFTER.test(after) || ROLE_INTRO_BEFORE.test(wider) ||
          // "Pasquale waiting on deck, uh, in the box, I mean": the words taken back give way to the correction.
          (ON_DECK.test(after) && ON_DECK_TAKEN_BACK.test(after)));
        const fielding = role === "batter" && !runner &&
          (((FIELDER_BEFORE.test(before) || FIELDER_AFTER.test(after) || FIELDER_AT_WORK.test(after)) && !AT_BAT.test(after) && !ROLE_INTRO_BEFORE.test(wider)) ||
            // The catcher's own acts say it whatever follows ("Lindqvist takes the throw", "Lindqvist at the plate applies the tag").
            CATCHER_BEFORE.test(before) || CATCHER_AFTER.test(after));
        // A batter replaced by a pinch-hitter, a runner, a fielder or an earlier play is not the one at the plate.
        const departing = (role === "batter" && (/(?:(?:hitting|batting|running) for|in place of|replac(?:es|ing)|out goes) $/.test(before) ||
            runner || fielding || PAST_PLAY_AFTER.test(after) || (ON_DECK.test(after) && !steppingIn) || CALLED_BACK.test(after))) ||
          (role === "pitcher" &&
          // "in for Teague" takes him out; "a big strikeout for Teague" credits him.
          ((/(?:replac(?:es|ing)|in place of|relieves|relieving|lifts?|lifted|pulls?|removes?|for|after|over from|(?:already|has|had|have|'s|'d) used|burned) $/.test(before) &&
              !/(?:strikeout|strike three|punchout|whiff|k|out|double play|win|save|hold|strikeouts|outs) for $/.test(before)) ||
            /^(?:(?:,[^,.]{1,30},)?,? (?:is|was|gets|got|will be|has been) (?:replaced|relieved|lifted|pulled|removed|taken out)\b|'s? (?:night|work|day|outing)\b|'s (?:done|finished|through)\b(?! (?:a|an|the|well|nicely|it|that|this)\b)|,? (?:is|was) (?:done|finished|through)|,? hands the ball|,? heads to the showers|,? exits|,? departs|,? gave (?:them|us) )/.test(after) ||
            // Warming up in the bullpen is not pitching; an earlier play is not this one.
            WARMING_UP.test(after) ||
            PAST_PLAY_AFTER.test(after) || PITCHER_RECORD.test(after)));
        if (ON_A_SIGN.test(folded.slice(Math.max(0, m.index - 40), m.index))) continue;
        // A record ("has walked 71 times this year") or a name taken back ("Stoltz... sorry, Heinz") is no one at work.
        const out = departing || DECISION.test(after) || STAT_ASIDE.test(after) || RETRACTED.test(after);
        found.push({ role, index: start, text: original.slice(start, end), full: m[0] !== sur || !full.includes(" "), departing: out,
          arriving: role === "pitcher" && (ARRIVAL_AFTER.test(after) || ARRIVAL_BEFORE.test(before) || ARRIVAL_WITH_ROLE.test(wider)),
          visited: role === "pitcher" && VISITED_BEFORE.test(wider),
          runner: runner && !BATS.test(after), steppingIn, bats: role === "batter" && (BATS.test(after) || PITCHED_TO.test(before)) && !runner,
          past: role === "batter" && CREDITED_BEFORE.test(wider), fielding });
      }
    }
  };
  const patterns = rosterPatterns(roster);
  scan(patterns.pitchers, "pitcher");
  scan(patterns.batters, "batter");
  // One mention per role and place (several people of one role may share the surname).
  const unique = found.filter((f, i) => found.findIndex((g) => g.role === f.role && g.index === f.index) === i);
  // "Ruiz to Delacroix": a ball thrown from one fielder to another; neither is the batter.
  for (const a of unique) {
    for (const b of unique) {
      // Unless the first can be the pitcher ("Webb to Webb": the pitcher to the batter).
      if (a.role === "batter" && b.role === "batter" && b.index > a.index && /^ to $/.test(original.slice(a.index + a.text.length, b.index)) &&
        !unique.some((p) => p.role === "pitcher" && p.index === a.index)) a.departing = b.departing = true;
    }
  }
  // A man the paragraph puts on the bases is not at the plate, nor on the mound (a two-way player on base), wherever
  // else he is named ("Marsh is off on the 1-0! ... That's steal number three for Marsh"), unless he is also said to bat.
  // A surname two players share may be two people, so it passes nothing on.
  const person = (m: Mention) => {
    const sur = surnameOf(m.text);
    return (patterns.surnameCount.get(sur) ?? 0) > 1 ? (m.full ? foldName(m.text) : null) : sur;
  };
  const onBase = new Set(unique.filter((m) => m.role === "batter" && m.runner).map(person).filter((k): k is string => k !== null));
  for (const k of [...onBase]) if (unique.some((m) => m.bats && person(m) === k)) onBase.delete(k);
  // So is a man the paragraph has fielding or catching ("Ruiz throws off the mask... Ruiz squeezes it for the out"),
  // unless he is also said to bat or step in.
  const inField = new Set(unique.filter((m) => m.fielding).map(person).filter((k): k is string => k !== null));
  for (const k of [...inField]) if (unique.some((m) => (m.bats || m.steppingIn) && person(m) === k)) inField.delete(k);
  for (const m of unique) {
    const k = person(m);
    if (k !== null && (onBase.has(k) || (inField.has(k) && !m.bats && !m.steppingIn))) m.departing = true;
  }
  return resolveContested(unique, original, patterns.surnameCount).sort((a, b) => a.index - b.index);
}

/**
 * A bare surname that a pitcher and a batter share (Nate Webb pitching, Corey Webb batting) is one of them: the grammar
 * of the call says which ("Webb swings", "Webb's sinker"); "Webb to Webb" is the pitcher first. Undecided, it is neither.
 */
/** A bare surname two players share, where one mention is read in both roles. */
const isContested = (m: Mention, mentions: readonly Mention[], surnameCount: Map<string, number>) =>
  !m.full && (surnameCount.get(surnameOf(m.text)) ?? 0) > 1 && mentions.some((o) => o.index === m.index && o.role !== m.role);
const says = (name: string | null, sur: string) => name !== null && surnameOf(name) === sur;

const known = (name: string | null, surnames: Set<string>) => name !== null && surnames.has(surnameOf(name));
/** Whether the roster already placed this name in the paragraph (as leaving or fielding, say). */
const placed = (name: string | null, mentions: readonly Mention[]) => name !== null && mentions.some((m) => surnameOf(m.text) === surnameOf(name));

function resolveContested(mentions: Mention[], original: string, surnameCount: Map<string, number>): Mention[] {
  if (!mentions.some((m) => isContested(m, mentions, surnameCount))) return mentions;
  const contested = (m: Mention) => isContested(m, mentions, surnameCount);
  const g = grammarNames(original, []);
  const keep: Mention[] = [];
  const places = [...new Set(mentions.filter(contested).map((m) => m.index))].sort((a, b) => a - b);
  for (const m of mentions) {
    if (!contested(m)) {
      keep.push(m);
      continue;
    }
    const sur = surnameOf(m.text);
    const asPitcher = says(g.pitcher, sur) || says(g.duel?.[0] ?? null, sur);
    const asBatter = says(g.batter, sur) || says(g.duel?.[1] ?? null, sur);
    const same = places.filter((i) => mentions.some((o) => o.index === i && surnameOf(o.text) === sur));
    if (asPitcher && asBatter && same.length >= 2) {
      if ((m.role === "pitcher") === (m.index === same[0])) keep.push(m);
    } else if (asPitcher !== asBatter && (m.role === "pitcher") === asPitcher) keep.push(m);
  }
  return keep;
}

const GAME_OVER_OPENING = /^\W*(?:and |well,? )?(?:that'?s |that will |that'll )?(?:(?:do )?it,? )?(?:the )?(?:ball ?game(?= ?[!.,;—-]| over\b| is over\b)|game over\b|final score\b|final(?=\s*[:,.!—–-]|\s+(?:from|in|here|tonight)\b))/i;
/** A visit to the mound: the pitcher visited is at work there. */
const MOUND_VISIT = /\b(?:(?:goes|comes|heads|walks|jogs|trots|is) (?:out )?to (?:talk|visit|settle|calm)|mound visit|visits? the mound|(?:out|trip) to the mound)\b/i;
/** Someone due at the plate or on the mound for the half to come. */
const COMING_UP = /\b(?:leads? off|will lead off|due up|steps in|comes up|coming up|takes the (?:mound|hill|ball)|comes on to pitch|in to pitch)\b/i;

const CHANGE = /goes to (?:his|the) (?:bullpen|pen)|pitching change|hands the ball over|is done for|night (?:is|was) over|jogs in|trots in|call goes to|coming in|in comes|in came|from the bullpen|to the bullpen|new pitcher|now pitching|takes over|replaces|summon/i;

/**
 * Pitcher and batter as written in the paragraph. With a roster, known names are found directly
 * (full name or unique surname, accents and case ignored); otherwise the grammar of the call decides
 * ("Cole deals to Judge", "Judge swings", "righty Cole").
 */
export function parseNames(original: string, roster?: NameRoster): Names {
  const fromGrammar = grammarNames(original, roster?.teamWords ?? []);
  if (!roster) return { pitcher: fromGrammar.pitcher, batter: fromGrammar.batter };
  const mentions = rosterMentions(original, roster);
  // A break between halves ("middle of the fifth", "after six complete") sums up: no one is at the plate, unless someone
  // is said to come up, or to bat on the pitch that ended the half ("Farrow taps it back to the mound. End of the first").
  // The pitcher may be named at work: "Middle of the 2nd, and the manager goes out to talk to Ishida".
  // A paragraph that opens with the game over ("Ball game!", "That's the ballgame.") wraps it up: no one is at work.
  if (GAME_OVER_OPENING.test(original)) return { pitcher: null, batter: null };
  const inningBreak = saysInningBreak(original) && !COMING_UP.test(original);
  const noBatter = inningBreak && !mentions.some((m) => m.steppingIn || m.bats);
  // Nor on the mound: the pitcher it names is summed up ("Quintana's at 79 pitches", "Tamura left him there"), unless he
  // is said to come in or is visited there ("Middle of the 2nd, and the manager goes out to talk to Ishida").
  const noPitcher = inningBreak && !MOUND_VISIT.test(original) && !mentions.some((m) => m.role === "pitcher" && m.arriving);
  const pick = (role: Mention["role"]): Mention | null => {
    const mine = mentions.filter((m) => m.role === role);
    const arriving = mine.filter((m) => !m.departing);
    if (role === "batter") {
      if (arriving.length === 0) return null;
      // An earlier play credited to someone gives way to anyone else named.
      const pool = arriving.some((m) => !m.past) ? arriving.filter((m) => !m.past) : arriving;
      // A batter said to step in is the man at the plate, unless one named before him is said to bat on this pitch
      // ("Heinz grounds out to short. Up next, Marsh.").
      const stepping = pool.find((m) => m.steppingIn);
      const batting = pool.find((m) => m.bats);
      let chosen = stepping && !(batting && batting.index < stepping.index) ? stepping : pool[0]!;
      // "Kinsella, Marchetti and Fitch coming up": the men due up, listed in order; the first of them is at the plate.
      for (let head: Mention | undefined = chosen; head; ) {
        chosen = head;
        head = pool.find((m) => m.index < chosen.index && /^(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(original.slice(m.index + m.text.length, chosen.index)));
      }
      const sharedSurname = (rosterPatterns(roster).surnameCount.get(surnameOf(chosen.text)) ?? 0) > 1;
      const fuller = (sharedSurname ? arriving : mine).find((m) => m.full && m.text.toLowerCase().endsWith(chosen.text.toLowerCase()));
      return { ...chosen, text: (fuller ?? chosen).text };
    }
    // In a pitching change the newcomer is named after the pitcher leaving.
    const change = role === "pitcher" && CHANGE.test(original);
    // Outside a change, the man a visit goes out to is the one on the mound ("she has used Soto, so the coach goes out to Vance").
    const marked = arriving.find((m) => m.arriving) ?? (change ? undefined : arriving.find((m) => m.visited));
    // Everyone the roster knows is leaving: the newcomer is someone it does not know ("Marsh takes over from Whitlock").
    if (change && arriving.length === 0 && fromGrammar.pitcher && !mine.some((m) => surnameOf(m.text) === surnameOf(fromGrammar.pitcher!))) return null;
    // Outside a pitching change, a pitcher the text places elsewhere (warming up, leaving, an earlier play) is not on the mound.
    const first = (marked ?? (change ? arriving[arriving.length - 1] ?? mine[mine.length - 1] : arriving[0])) as Mention | undefined;
    if (!first) return null;
    const fuller = mine.find((m) => m.full && m.text.toLowerCase().endsWith(first.text.toLowerCase()));
    return { ...first, text: (fuller ?? first).text };
  };
  // A name the roster gives to the other role is not a guess worth keeping.
  const { pitcherSurnames, batterSurnames } = rosterPatterns(roster);
  // Nor is one the roster already placed as leaving or fielding.
  const pitcherSaid = pick("pitcher");
  const batterSaid = pick("batter");
  let pitcher = pitcherSaid?.text ?? (known(fromGrammar.pitcher, batterSurnames) || placed(fromGrammar.pitcher, mentions) ? null : fromGrammar.pitcher);
  let batter = batterSaid?.text ?? (known(fromGrammar.batter, pitcherSurnames) || placed(fromGrammar.batter, mentions) ? null : fromGrammar.batter);
  // The same words read as both roles: one person (a two-way player, or a surname two players share) in one role.
  // Two mentions are two people ("Corey Webb steps in against Nate Webb", "Webb to Webb").
  const onePerson = pitcher !== null && batter !== null && surnameOf(pitcher) === surnameOf(batter) &&
    (pitcherSaid && batterSaid ? pitcherSaid.index === batterSaid.index : !(/\s/.test(pitcher) && /\s/.test(batter) && foldName(pitcher) !== foldName(batter)));
  // A two-way player (in both tables) is one person in one role: the other player named settles which,
  // else the grammar of the call ("Ishida bats now", "Ishida deals").
  if (onePerson && pitcher !== null && batter !== null) {
    const sur = surnameOf(pitcher);
    const other = (role: Mention["role"]) => mentions.find((m) => m.role === role && !m.departing && surnameOf(m.text) !== sur);
    const grammarSays = (name: string | null) => name !== null && surnameOf(name) === sur;
    const otherPitcher = other("pitcher");
    const otherBatter = other("batter");
    if (otherPitcher && !grammarSays(fromGrammar.pitcher)) pitcher = otherPitcher.text;
    else if (otherBatter && !grammarSays(fromGrammar.batter)) batter = otherBatter.text;
    else if (grammarSays(fromGrammar.batter) && !grammarSays(fromGrammar.pitcher)) pitcher = fromGrammar.pitcher;
    else batter = fromGrammar.batter !== null && !grammarSays(fromGrammar.batter) ? fromGrammar.batter : null;
  }
  // "Redcloud vs. Marsh": a known batter written first makes the other side the pitcher.
  // (Read only when no pitcher is found: the duel's pattern is the grammar's costliest.)
  const duel = pitcher === null ? fromGrammar.duel : null;
  if (duel && known(duel[0], batterSurnames) && !known(duel[1], batterSurnames)) pitcher = duel[1];
  return { pitcher: noPitcher ? null : pitcher, batter: noBatter ? null : batter };
}
