import { PITCH_NAME } from "../offline/lexicon";
import { grammarNames, isStopWord } from "../offline/name-grammar";
import { foldName, surnameOf } from "../offline/name-parser";

/**
 * What the words around one mention of a name say he is doing. "pitch" and "bat" are the strong roles (on the
 * mound, at the plate); "run", "field" and "position" say a position player (a batter of the tables, who also
 * runs and fields); "staff" says he plays no part (a coach, a manager, an umpire, a broadcaster).
 */
export type MentionRole = "pitch" | "bat" | "run" | "field" | "position" | "staff";

/** One name as written in one sentence, with the roles its context gives it. */
export interface NameMention {
  /** As written, without the words of the call around it ("Raul Medina", "Castillo"). */
  name: string;
  roles: MentionRole[];
}

const WORD = "\\p{Lu}(?:\\.|[\\p{L}'’-]+)";
const RUN = new RegExp(`(?<![\\p{L}])${WORD}(?:\\s+(?:(?:de|del|van|von|da)(?![\\p{L}])|${WORD}))*`, "gu");

/** Words that stand before a name as its title: they say his role, they are not his name ("Catcher Raul Medina"). */
const TITLES: Record<string, MentionRole> = {
  pitcher: "pitch", reliever: "pitch", closer: "pitch", starter: "pitch", righty: "pitch", lefty: "pitch", southpaw: "pitch",
  "right-hander": "pitch", "left-hander": "pitch", righthander: "pitch", lefthander: "pitch", hurler: "pitch",
  catcher: "position", shortstop: "position", outfielder: "position", infielder: "position", slugger: "bat", rookie: "bat",
  "pinch-hitter": "bat", batter: "bat", hitter: "bat", runner: "run", "pinch-runner": "run",
  coach: "staff", manager: "staff", skipper: "staff", umpire: "staff", ump: "staff", announcer: "staff", broadcaster: "staff", analyst: "staff",
};
const HAND_TITLES = new Set(["righty", "lefty", "right-hander", "left-hander", "righthander", "lefthander"]);
const COMMON_HYPHENATED = /^\p{Lu}?[\p{L}'’]*-\p{Ll}/u;
const NUMBER_PART = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|zero|oh|full|first|second|third|left|right|switch|pinch|lead|walk|two|no)-/i;
/** Capitalized words that start a sentence of the call and are nobody's name. */
const LEADING = /^(?:leading|next|up|now|here|and|but|so|then|meanwhile|final|finally|again|still|only|even|that|this|those|these|what|who|how|why|when|where|it|its|it's|there's|here's|that's|let's|if|as|at|by|from|for|with|without|into|over|under|behind|after|before|against|since|while|until|once|plus|not|yes|no|oh|wow|well|look|watch|remember|ladies|folks|everybody|nobody|somebody|our|my|your|his|her|their|we|you|they|i|in|on|of|to|off|out|down|back|big|huge|great|good|nice|what's|exit|spin|launch|velocity|statcast|pitch|pitches|count|score|inning|game|ballgame|top|bottom|middle|end|side|runners?|bases|one|two|three|strike|ball|foul|safe|first|second|third|home)$/i;

// A hand word says a pitcher, unless the words after it put him at the plate ("the lefty Porter Vaughn will hit").
const HAND_BEFORE = /\b(?:the |a )?(?:right-hander|left-hander|righthander|lefthander|righty|lefty),?\s+$/i;
const PITCH_BEFORE = /\b(?:(?:the |a )?(?:southpaw|reliever|closer|starter|pitcher|hurler|setup man),?|(?:single|double|triple|homer|home run|hit|knock|runs?|walk|shot|blast|strikeout) off(?: of)?|in comes|brings? in|bringing in|calls? on|calling on|summons|call goes to|now pitching:?|new pitcher:?|(?:talks?|chats?|confers?|visits?) with|out to (?:talk|chat|visit) with|ball to|arm of|and now it's|now it's)\s+$/i;
const PITCH_AFTER = new RegExp("^(?:'s|’s)?,?\\s*(?:" + [
  "(?:the |a )?(?:\\w+ )?(?:right-hander|left-hander|righthander|lefthander|righty|lefty|southpaw|reliever|closer|starter|pitcher)\\b",
  "(?:'s |’s )?(?:line|pitch count|ERA|first pitch|next pitch|\\d+(?:st|nd|rd|th) pitch|delivery|offering|windup|stretch|heater|fastball|slider|curve|sinker|cutter|splitter|changeup)\\b",
  "(?:is |comes |will come |jogs |trots )?in (?:for|to pitch|to close|from the (?:bull)?pen|relief)",
  "(?:is |was )?(?:done|finished|through) after \\d+",
  "(?:has |had )?thrown \\d+",
  "(?:is |stays )(?:still )?on (?:the mound|for)\\b",
  "(?:night|day|outing|work|evening|afternoon) (?:ends|is over|is done|is finished)",
  "gave (?:them|us) (?:an? |\\w+ )(?:inning|innings|frame)",
  "(?:is |was )?(?:warming|getting loose|loosening|throwing in the|up in the)",
  "(?:gets|got|earns|earned|takes|took|picks up|is credited with|is tagged with) (?:the )?(?:win|loss|save|hold|victory)\\b",
  "escapes|strikes (?:him|them|out the side)|deals|delivers|fires|pitches|hurls|comes set|toes the rubber|takes the (?:mound|hill|ball)|on the mound|from the stretch|gets the sign|winds|rears back",
].join("|") + ")", "i");
const BAT_BEFORE = /(?:\b(?:\d-\d|pitch|offering|delivery|(?:one|two|three|oh)-(?:one|two|oh|nothing)) to|\b(?:strikes out|punches out|rings up|fans|walks|plunks|hits|drills|retires|gets|jams|freezes|fools|whiffs))\s+$|\b(?:pinch[\s-]hitter|pinch[\s-]hitting|batter|hitter|leadoff (?:man|hitter)|leading off,?|lead off,?|up next,?|next up,?|next,|now batting:?|batting:?|at bat:?|at the plate:?|up is|(?:pinch[\s-]hits|pinch[\s-]hitting|batting|hitting|to hit) for|faces|facing|to face|pitch(?:es|ing)? to|deals to|delivers to|throws to|vs\.?|versus)\s+$/i;
const BAT_AFTER = /^(?:'s|’s)?,?\s*(?:leads off|leading off|is up(?! in the)|steps in|steps up|digs in|at the (?:plate|dish)|in the box|\d-for-\d|is \d-for-\d|(?:is )?batting \.\d{3}|pinch[\s-]hits|bats (?:for|left|right)|swings|takes (?:a|the|strike|ball)|fouls|grounds|flies|lines|pops|singles|doubles|triples|homers|walks|strikes out|struck out|is rung up|chases|lays off|watches|rips|drives|bunts|lofts|chops|rolls|lifts|drops a|skies|bloops|launches|hits (?:a|it|one)|is caught looking|goes down|bounces (?:it|one|a|out)|taps|tops|squares|grounds out|flies out|lines out|pops up|flares|slaps|pokes|loops|smacks|belts|rifles|laces|smokes|hammers|crushes|golfs|serves|muscles|pulls (?:it|one|a)|will bat|will hit|will pinch-hit|(?:is )?(?:here )?to pinch[\s-]hit|(?:is )?the hitter|(?:is )?(?:a|an) (?:\.\d{3}|\w+) (?:hitter|batter|bat)\b|(?:is )?\d+-for-\d+ as a pinch[\s-]hitter)|^,\s*(?:(?:one|two|nobody|no one) (?:down|out|away|on)|with (?:one|two|nobody|no one) (?:down|out|on)|the (?:switch-hitter|leadoff)|switch-hitting|batting (?:left|right))/i;
const RUN_BEFORE = /\b(?:runner|pinch[\s-]runner|with|and)\s+$/i;
const BASE = "(?:first|second|third|home|the bag|1st|2nd|3rd)";
const RUN_AFTER = new RegExp(`^(?:'s|’s)?,?\\s*(?:(?:is|was|has|had|just|now|still|already|then)\\s+){0,2}(?:(?:at|on|off|to|into|back to|around|rounds|rounding|stranded at|heading to|headed to|moves up to|goes to|steals|stole|swipes|takes) ${BASE}|scores|scored|stranded|motoring|bluffs|takes off|tags up|breaks for|takes a (?:couple of |few )?steps? off|a step off|cruises into|slides into|ninety feet|90 feet|safe at|out at|(?:is )?thrown out|caught stealing|picked off|trots home|jogs home|crosses the plate)`, "i");
const POSITION_BEFORE = /\b(?:catcher|shortstop|(?:first|second|third)[\s-]baseman|(?:left|center|centre|right)[\s-]fielder|outfielder|infielder|designated hitter|DH)\s+$/i;
const POSITION_AFTER = /^,?\s*\(?(?:C|1B|2B|3B|SS|LF|CF|RF|DH)\b(?!['’-])|^,?\s*(?:(?:the |their |our )?(?:\w+ )?(?:catcher|shortstop|(?:first|second|third)[\s-]baseman|(?:left|center|centre|right)[\s-]fielder|outfielder|infielder|designated hitter|DH)\b)/i;
// The ball from fielder to fielder ("Whitford to Ortega to Brandt", "Hollander to Pellegrini"), a catch, a stop, a throw.
// "to" and a capital: a name, with case kept ("Ruiz to Okafor"; not "Voss, to pinch-hit").
const FIELD_TO = /^(?:'s|’s)?,?\s*to \p{Lu}/u;
const FIELD_AFTER = /^(?:'s|’s)?,?\s*(?:to (?:first|second|third|home|the plate)\b|(?:has to |makes |made )?(?:take|takes|took) the out|fields|fielded|gloves|snags|dives|ranges|backhands|camps|catches|hauls|makes the (?:catch|play|stop)|throws (?:to|across|over|home|him out)|fires (?:to|home|across)|is there|squeezes|(?:,[^.]{0,30}\b)?and he'?s got it|a few steps in|goes back|drifts|racing in|throws off the mask|keeps it in front|blocks it|blocks the|smothers|frames|sets up|(?:goes|heads|jogs|trots|moves|comes in|stays|takes over|goes out) (?:out )?(?:to|in|at) (?:left|center|centre|right|short|first|second|third)\b)/iu;
const FIELD_BEFORE = /\b(?:throw|relay|flip|toss|peg|feed)(?:es|s)? (?:from|by)\s+$|\b(?:tag by|blocked by|caught by)\s+$/i;
const STAFF_BEFORE = /\b(?:coach|manager|skipper|umpire|ump|partner|announcer|broadcaster|analyst|owner|trainer|general manager|GM|president|commissioner|crew chief|my friend|our own|broadcast partner|color man)\s+$/i;
const STAFF_AFTER = /^,?\s*(?:the |our |their |his )?(?:\w+[\s-])?(?:coach|manager|skipper|umpire|ump|announcer|broadcaster|analyst|owner|trainer|crew chief)\b|^(?:'s|’s) (?:crew|strike zone|zone|call|booth|broadcast)|^,?\s*(?:\w+ )?(?:behind the (?:plate|dish),? (?:\w+ )?(?:gives|gave|calls|called|says|rules|ruled|signals|punches|rings|sells|won't|will not|isn't|is not|wasn't|doesn't|didn't|has (?:a|been))|(?:calls|called|rules|ruled) (?:it|him|that one|that) (?:a |out|safe|fair|foul|strike|ball))/i;
// The umpire's call: "not getting that call from Birdsall", "the nod from Fenn", "a generous zone from Marsh".
const STAFF_CALL_BEFORE = /\b(?:call|calls|nod|zone|ruling) (?:from|by)\s+$/i;

const PITCH_WORDS = new RegExp(`^(?:'s|’s)\\s+(?:[\\d-]+\\s+|[\\w-]+\\s+){0,2}${PITCH_NAME}\\b|^,\\s+(?:the |a |an |his )?(?:[\\w-]+\\s+)?${PITCH_NAME}\\b`, "i");
const pitchFollows = (rest: string) => new RegExp(`^,?\\s*(?:the |a |an |his )?(?:first pitch|pitch|\\w+ pitch|${PITCH_NAME}|\\d-\\d|(?:one|two|three|oh)-|fouled|foul|ball|strike|swing|called|taken|misses|low|high|outside|inside|in the dirt)`, "i").test(rest);

/** The roles the words just before and after a name give it; `first`: the name opens the sentence. */
function rolesAround(before: string, after: string, first: boolean): MentionRole[] {
  const roles: MentionRole[] = [];
  if (STAFF_BEFORE.test(before) || STAFF_AFTER.test(after) || STAFF_CALL_BEFORE.test(before)) return ["staff"];
  // "Castellanos to Lindqvist, first pitch": from the pitcher to the batter.
  const chain = /^\s+to\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?(.*)$/u.exec(after);
  const duelPitcher = chain !== null && pitchFollows(chain[1] ?? "");
  const duelBatter = /\p{Lu}[\p{L}'’-]+,?\s+to\s+$/u.test(before) && pitchFollows(after);
  if (PITCH_BEFORE.test(before) || PITCH_AFTER.test(after) || duelPitcher || (first && PITCH_WORDS.test(after)) || /^(?:'s|’s)/.test(after) && PITCH_WORDS.test(after)) roles.push("pitch");
  if (BAT_BEFORE.test(before) || BAT_AFTER.test(after) || duelBatter) roles.push("bat");
  if (HAND_BEFORE.test(before) && !roles.includes("pitch") && !roles.includes("bat")) roles.push("pitch");
  if (POSITION_BEFORE.test(before) || POSITION_AFTER.test(after)) roles.push("position");
  if (RUN_AFTER.test(after) || (RUN_BEFORE.test(before) && RUN_AFTER.test(after))) roles.push("run");
  // "Fontaine to Szabo": the ball from fielder to fielder, unless a pitch follows ("Webb to Webb, two-seamer").
  if (((FIELD_AFTER.test(after) || FIELD_TO.test(after)) && !duelPitcher) || FIELD_BEFORE.test(before) ||
    (/\p{Lu}[\p{L}'’-]+,?\s+to\s+$/u.test(before) && !pitchFollows(after))) roles.push("field");
  return roles;
}

/** Trim a capitalized run to the name in it, and the role its leading title gives ("Catcher Raul Medina"). */
function nameIn(run: string): { name: string; title: MentionRole | null; titleWord: string | null; offset: number } | null {
  const words = run.replace(/[’]/g, "'").replace(/'s$/, "").split(/\s+/);
  let offset = 0;
  let title: MentionRole | null = null;
  let titleWord: string | null = null;
  // "First-pitch", "Two-seamer", "Full-count": a hyphenated word with a lower-case part, alone or led by a word of the
  // call, is a word of the call; a name capitalizes every part ("Smith-Jones", "Jean-Luc"), or is followed by more
  // of the name ("Hyun-jin Ryu").
  const callWord = (w: string) => COMMON_HYPHENATED.test(w) && (words.length === 1 || LEADING.test(w.split("-")[0]!) || isStopWord(w.split("-")[0]!) || NUMBER_PART.test(w));
  while (words.length > 0 && (isStopWord(words[0]!) || LEADING.test(words[0]!) || TITLES[words[0]!.toLowerCase()] || callWord(words[0]!))) {
    if (TITLES[words[0]!.toLowerCase()]) [title, titleWord] = [TITLES[words[0]!.toLowerCase()]!, words[0]!.toLowerCase()];
    offset += words[0]!.length + 1;
    words.shift();
  }
  while (words.length > 0 && isStopWord(words[words.length - 1]!)) words.pop();
  // A lineup card's position after the name ("Rafe Dunmore CF") is his position, not his name.
  while (words.length > 1 && /^(?:C|1B|2B|3B|SS|LF|CF|RF|DH)$/.test(words[words.length - 1]!)) {
    words.pop();
    title = "position";
  }
  if (words.length === 0 || words.some((w) => /\d/.test(w) || /^(?:one|two|three|four|oh|zero|nothing|full)(?:-|$)/i.test(w))) return null;
  const name = words.join(" ");
  if (name.length < 2 || /^\p{Lu}\.$/u.test(name)) return null;
  return { name, title, titleWord, offset };
}

// Addressed: set off by a comma and ending the clause, or opening the quote with a comma after it.
const VOCATIVE = /,\s*\u0000(?:[.!?]|,\s*["”]|,\s*(?:I|I'm|I've|I'd|I'll|you|we|trust me|look)\b)|["“]\s*\u0000,/;
/** Whether a place in the paragraph is inside a quotation (an odd number of quote marks before it). */
function insideQuote(text: string, index: number): boolean {
  let marks = 0;
  for (let i = 0; i < index; i++) if (text[i] === '"' || text[i] === "“" || text[i] === "”") marks++;
  return marks % 2 === 1;
}

/**
 * Every name a paragraph writes, sentence by sentence, with what the words around it say: the grammar of the
 * call (who pitches, who bats, read sentence by sentence so that two sentences give two readings), the title
 * before it, the verbs after it ("scores", "to Brandt", "is throwing in the pen", "the left fielder").
 */
export function mentionsIn(text: string): NameMention[] {
  const out: NameMention[] = [];
  let at = 0;
  for (const sentence of text.split(/(?<=[.!?;])\s+|\s+[—–]\s+/)) {
    const offset = text.indexOf(sentence, at);
    at = offset + sentence.length;
    const g = grammarNames(sentence, []);
    const grammar = (name: string, role: string | null) => role !== null && surnameOf(role) === surnameOf(name) &&
      (!role.includes(" ") || !name.includes(" ") || foldName(role) === foldName(name));
    const found = [...sentence.matchAll(RUN)].flatMap((m) => {
      const f = nameIn(m[0]);
      return f ? [{ ...f, start: (m.index ?? 0) + f.offset }] : [];
    });
    // "Castillo against Castillo": the grammar reads one surname in both roles; the first written pitches, as in a duel.
    const duelOf = g.pitcher && g.batter && foldName(g.pitcher) === foldName(g.batter) ? surnameOf(g.pitcher) : null;
    const duel = found.filter((f) => surnameOf(f.name) === duelOf);
    for (const f of found) {
      const before = sentence.slice(Math.max(0, f.start - 40), f.start);
      const after = sentence.slice(f.start + f.name.length, f.start + f.name.length + 70);
      // A place of old days ("games at the old Harbor Street grounds") is no one at work.
      if (/\bthe (?:old|historic|original)\s+$/i.test(before)) continue;
      // Someone spoken to inside a quote ("Soft and away, Gus.", "Gus, I've seen him throw") is in the booth.
      if (!f.name.includes(" ") && insideQuote(text, offset + f.start) && VOCATIVE.test(`${before}\u0000${after}`)) {
        out.push({ name: f.name, roles: ["staff"] });
        continue;
      }
      const roles = new Set(rolesAround(before, after, before.trim() === ""));
      if (f.title && !(HAND_TITLES.has(f.titleWord ?? "") && roles.has("bat"))) roles.add(f.title);
      // A sentence that is only a name ("Jace Whitford.") announces the next batter.
      if (f.name.includes(" ") && sentence.trim().replace(/[.!:]+$/, "") === f.name) roles.add("bat");
      if (duel.length >= 2 && duel.includes(f)) roles.add(f === duel[0] ? "pitch" : "bat");
      else {
        // The words right around the name beat the grammar of the whole sentence ("Okonjo bounces it to short" bats,
        // "the throw from Okonjo" fields): the grammar adds a role only where they say none of the other kind.
        const playing = ["bat", "run", "field", "position"].some((r) => roles.has(r as MentionRole));
        if (grammar(f.name, g.pitcher) && !playing) roles.add("pitch");
        if (grammar(f.name, g.batter) && !roles.has("pitch") && !roles.has("field") && !roles.has("run")) roles.add("bat");
      }
      out.push({ name: f.name, roles: roles.has("staff") ? ["staff"] : [...roles] });
    }
  }
  return out;
}
