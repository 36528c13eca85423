import { describe, expect, it } from "vitest";
import { playHash } from "../../src/extract";
import { discoverRoster } from "../../src/transform/roster";
import { mentionsIn } from "../../src/transform/roster/mention-roles";

// A small game written for these tests: the Dover Kestrels at the Maple Hill Foxes. A pitcher and a batter share a
// surname (Hal and Omar Brenner), a designated hitter closes the game (Sol Ames, two-way), a pitching coach and an
// umpire are named, the city and the ballpark stand alone, fielders appear only in throws and catches, one by surname only.
const TEXTS = [
  "Top of the 1st at Birchwood Park. The Foxes take the field, and Hal Brenner is on the mound for Maple Hill.",
  "Tito Vance, the switch-hitter, leads off for the Kestrels. Brenner deals, a fastball for strike one.",
  "Brenner's slider, and Vance grounds it to short. Pike to Lomax, one out.",
  "Omar Brenner steps in. So it's Brenner against Brenner, no relation.",
  "Brenner's first pitch is a curveball, and Brenner takes it for a strike.",
  "Brenner lines a single to left. One out, a man on.",
  "Sol Ames, the designated hitter, steps in. Pitching coach Walt Greer visits with Brenner.",
  "Ames swings and misses. Brenner fires again, and Ames grounds out. Two outs.",
  "Jesse Kyle. Brenner fires a sinker, and Kyle bounces it to first, Lomax to Ibsen covering. Three outs.",
  "Bottom of the 1st. Ray Oduya, a left-handed sinkerballer, takes the mound for Dover.",
  "Nate Pike leads off for the Foxes. Oduya deals, ball one.",
  "Pike singles up the middle. The Foxes' Lou Lomax up next. Manager Ned Oakes signals to the pen, and Oakes takes the ball from Oduya... no, he only talks.",
  "Oduya to Lomax, fouled back. Pike at first.",
  "Lomax, who bats left, grounds to second, Kyle to Vance, and the Kestrels turn two.",
  "Maple Hill needs a baserunner. Umpire Dale Fenn checks the ball, and the Foxes wait.",
  "Bottom of the 8th. Sol Ames comes in from the bullpen for the Kestrels; the left-hander takes over for Oduya.",
  "Ames deals to Pike, strike one.",
  "Ames fires a slider, and Pike waves at it. Strike three.",
  "Final at Birchwood Park: Dover Kestrels 1, Maple Hill Foxes 0. Ames gets the save.",
];
const plays = TEXTS.map((t, i) => ({ play_id: i + 1, line: i + 2, playbyplay: t, play_hash: playHash(t) }));

describe("the role of a name from the words around each mention", () => {
  const roles = (text: string) => Object.fromEntries(mentionsIn(text).map((m) => [m.name, m.roles.sort().join(",")]));

  it("a throw from fielder to fielder is fielding, the pitcher to the batter followed by a pitch is a duel", () => {
    expect(roles("Grounder to third, Ruiz to Okafor, inning over.")).toMatchObject({ Ruiz: "field", Okafor: "field" });
    expect(roles("Dunne to Ruiz, a changeup, low.")).toMatchObject({ Dunne: "pitch", Ruiz: "bat" });
  });

  it("a coach, a manager and an umpire are staff, whatever verb follows", () => {
    expect(roles("Manager Ed Quill walks to the mound.")).toMatchObject({ "Ed Quill": "staff" });
    expect(roles("Plate umpire Jo Marsh rings him up.")).toMatchObject({ "Jo Marsh": "staff" });
  });

  it("a title before the name is its role, not part of it; a runner is a position player", () => {
    expect(roles("Shortstop Lee Varga dives and can't reach it.")).toMatchObject({ "Lee Varga": "field,position" });
    expect(roles("Varga takes off for second, and he's in there.")).toMatchObject({ Varga: "run" });
    expect(roles("Reliever Pat Dunne is warming up in the pen.")).toMatchObject({ "Pat Dunne": "pitch" });
    expect(roles("Lee Varga pinch-hits for Omar Sills, and Pat Dunne's night is over.")).toMatchObject({ "Omar Sills": "bat", "Pat Dunne": "pitch" });
  });
});

describe("discoverRoster on a small game written for it", () => {
  const roster = discoverRoster(plays);
  const pitchers = roster.pitchers.map((p) => p.name).sort();
  const batters = roster.batters.map((b) => b.name).sort();

  it("names the teams from how the text speaks of them, the home team pitching in the top", () => {
    expect(roster.teams.home).toBe("Maple Hill Foxes");
    expect(roster.teams.away).toBe("Dover Kestrels");
  });

  it("lists the pitchers and the position players, the two-way player in both tables, and no one else", () => {
    expect(pitchers).toEqual(["Hal Brenner", "Ray Oduya", "Sol Ames"]);
    // Ibsen is only ever a surname, taking a throw from a known fielder: a position player too.
    expect(batters).toEqual(["Ibsen", "Jesse Kyle", "Lou Lomax", "Nate Pike", "Omar Brenner", "Sol Ames", "Tito Vance"]);
    const everyone = [...pitchers, ...batters].join(" | ");
    for (const no of ["Walt Greer", "Ned Oakes", "Oakes", "Dale Fenn", "Maple Hill", "Birchwood Park", "Dover", "Foxes", "Kestrels"]) expect(everyone).not.toContain(no);
  });

  it("reads hands and positions said in apposition after the name", () => {
    expect(roster.pitchers.find((p) => p.name === "Ray Oduya")?.throws).toBe("L");
    expect(roster.pitchers.find((p) => p.name === "Hal Brenner")?.throws).toBe("R");
    expect(roster.batters.find((b) => b.name === "Tito Vance")?.bats).toBe("S");
    expect(roster.batters.find((b) => b.name === "Sol Ames")?.position).toBe("DH");
    expect(roster.batters.find((b) => b.name === "Lou Lomax")?.bats).toBe("L");
  });

  it("gives a bare surname two players share to the one whose side the half-inning and the role say", () => {
    const hal = roster.people.find((p) => p.name === "Hal Brenner")!;
    const omar = roster.people.find((p) => p.name === "Omar Brenner")!;
    expect(hal.batterVotes).toBe(0);
    expect(omar.pitcherVotes).toBe(0);
    expect(hal.pitcherVotes).toBeGreaterThanOrEqual(5);
    expect(omar.batterVotes).toBeGreaterThanOrEqual(3);
    const team = (name: string) => [...roster.pitchers, ...roster.batters].find((p) => p.name === name)!.team;
    expect(team("Hal Brenner")).toBe("Maple Hill Foxes");
    expect(team("Omar Brenner")).toBe("Dover Kestrels");
    expect(team("Sol Ames")).toBe("Dover Kestrels");
    expect(team("Lou Lomax")).toBe("Maple Hill Foxes");
    expect(team("Ibsen")).toBe("Maple Hill Foxes");
  });
});

describe("discoverRoster when a team is only ever its city", () => {
  const texts = [
    "Top of the 3rd. Cold Spring leads it two to one. Ace Dorsey deals to Kurt Vail, ball one.",
    "Dorsey deals again, and Vail swings through it.",
    "Bottom of the 3rd. Cold Spring brings in Ray Oduya from the bullpen.",
    "Oduya deals to Ben Lusk, strike one. Lusk fouls the next one off.",
    "Cold Spring leads by a run, and Oduya fires a slider. Lusk grounds out.",
  ];
  const roster = discoverRoster(texts.map((t, i) => ({ play_id: i + 1, line: i + 2, playbyplay: t, play_hash: playHash(t) })));

  it("takes the city for no player: it is never shortened to a surname and is spoken of as a team", () => {
    expect(roster.pitchers.map((p) => p.name).sort()).toEqual(["Ace Dorsey", "Ray Oduya"]);
    expect(roster.batters.map((b) => b.name).sort()).toEqual(["Ben Lusk", "Kurt Vail"]);
  });
});

describe("discoverRoster on a lineup card", () => {
  const texts = [
    "Tonight's lineup for the Gulls: Rafe Dunmore CF, Eli Szot SS, Marty Quell (C), Juno Park DH.",
    "Top of the 1st. Odell Brisk deals to Dunmore, ball one. Dunmore swings and misses.",
    "Brisk fires again, and Dunmore grounds to short. Szot steps in. Brisk deals, Szot lines out.",
    "Quell swings at the first pitch from Brisk and pops out. Three up, three down.",
    "Top of the 2nd at Harbor Park. Park swings through a Brisk slider, then Park lines out to left.",
  ];
  const roster = discoverRoster(texts.map((t, i) => ({ play_id: i + 1, line: i + 2, playbyplay: t, play_hash: playHash(t) })));

  it("reads the position after each name on the card, and lists the players it names", () => {
    const position = (name: string) => roster.batters.find((b) => b.name === name)?.position;
    expect(position("Rafe Dunmore")).toBe("CF");
    expect(position("Eli Szot")).toBe("SS");
    expect(position("Marty Quell")).toBe("C");
    expect(position("Juno Park")).toBe("DH");
    expect(roster.pitchers.map((p) => p.name)).toEqual(["Odell Brisk"]);
    // A surname that looks like a ballpark's is a player when the calls put him at the plate; the ballpark is not.
    expect(roster.batters.map((b) => b.name)).not.toContain("Harbor Park");
  });
});
