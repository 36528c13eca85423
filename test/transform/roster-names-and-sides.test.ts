import { describe, expect, it } from "vitest";
import { playHash } from "../../src/extract";
import type { InningHalf } from "../../src/domain";
import { discoverRoster, discoverTeams } from "../../src/transform/roster";
import { mentionsIn } from "../../src/transform/roster/mention-roles";

const playsOf = (texts: string[]) => texts.map((t, i) => ({ play_id: i + 1, line: i + 2, playbyplay: t, play_hash: playHash(t) }));
const roles = (text: string) => Object.fromEntries(mentionsIn(text).map((m) => [m.name, m.roles.sort().join(",")]));

// A small game written for these tests, as a folksy radio call: the Stone Harbor Redwings (also "the Wings", the city
// "Stone Harbor" alone) at the Fernbrook Mudcats ("Fernbrook" alone). Call words open sentences with a capital
// ("First-pitch cutter", "Two-seamer", "Sinker"), the plate umpire is named, a pinch hitter is called "the lefty",
// a family is spoken of in the plural.
const GAME = [
  "Good evening from Millpond Field, where your hometown Fernbrook Mudcats have the visiting Stone Harbor Redwings in.",
  "Top of the 1st. Ike Calloway toes the rubber for Fernbrook, and Dex Ryland leads it off for the Wings.",
  "First-pitch cutter, and Ryland takes it for a strike.",
  "Two-seamer from Calloway, in on the hands, ball one.",
  "Calloway deals, and Ryland bounces one to short. Bo Tamsin to Gil Fenner, one away.",
  "Sinker, low, ball one to Hollis Crane. Nan Pruitt behind the plate gives him nothing there.",
  "Crane swings at a first-pitch sinker and lines it into center for a base hit.",
  "Crane's brother played here too. The Cranes are a baseball family.",
  "Calloway fires, and Crane is off for second. Safe! The Wings have a man in scoring position.",
  "Ball two to Jed Marko, and Calloway won't get that call from Pruitt.",
  "Marko grounds out to third, Fenner to the bag. Stone Harbor nothing, Fernbrook nothing.",
  "Bottom of the 1st. Lou Brackett on the hill for Stone Harbor. Bo Tamsin leads it off for the Mudcats.",
  "First-pitch curve from Brackett, Tamsin fouls it off.",
  "Brackett deals, and Tamsin flies out to left. One down.",
  "Gil Fenner steps in. Brackett fires a slider, and Fenner grounds out. Two down.",
  "Brackett fires, and Sid Alder pops up to second. Redwings nothing, Mudcats nothing after one.",
  "Top of the 2nd. Calloway back out there for Fernbrook. The lefty Vic Ormsby will hit for Jed Marko's spot.",
  "Ormsby's a .270 hitter off the bench. Calloway deals, and Ormsby flares it into right for a single!",
  "Ormsby at first, nobody out, and Ryland steps in. Calloway fires, Ryland grounds into a double play, Tamsin to Fenner.",
  "Crane strikes out swinging on a Calloway heater. Three out. Wings nothing, Cats nothing.",
];

describe("discoverRoster on a radio call with a two-word city, short forms and call words that open sentences", () => {
  const roster = discoverRoster(playsOf(GAME));
  const everyone = [...roster.pitchers, ...roster.batters].map((p) => p.name);

  it("names both sides with city and nickname, the short form and the city alone as one side, the home side first", () => {
    expect(roster.teams.home).toBe("Fernbrook Mudcats");
    expect(roster.teams.away).toBe("Stone Harbor Redwings");
    for (const no of ["Stone Harbor", "Fernbrook", "Wings", "Redwings", "Mudcats", "Cats", "Millpond Field"]) expect(everyone).not.toContain(no);
  });

  it("takes no call word that opens a sentence with a capital for a person", () => {
    for (const no of ["First-pitch", "Two-seamer", "Sinker"]) expect(everyone.join(" | ")).not.toContain(no);
  });

  it("lists the pitchers and the batters, the pinch hitter called 'the lefty' as a batter, and no umpire or family", () => {
    expect(roster.pitchers.map((p) => p.name).sort()).toEqual(["Ike Calloway", "Lou Brackett"]);
    expect(roster.batters.map((b) => b.name).sort()).toEqual(["Bo Tamsin", "Dex Ryland", "Gil Fenner", "Hollis Crane", "Jed Marko", "Sid Alder", "Vic Ormsby"]);
    const team = (name: string) => roster.batters.find((b) => b.name === name)!.team;
    expect(team("Vic Ormsby")).toBe("Stone Harbor Redwings");
    // "The lefty" said of a hitter who pitches no one: he bats left.
    expect(roster.batters.find((b) => b.name === "Vic Ormsby")!.bats).toBe("L");
    expect(team("Bo Tamsin")).toBe("Fernbrook Mudcats");
    for (const no of ["Nan Pruitt", "Pruitt", "Cranes"]) expect(everyone).not.toContain(no);
  });
});

describe("the role of a name: no pitching act, the umpire's call, a batting verb", () => {
  it("a hand word before a man the words after put at the plate is no pitching act", () => {
    expect(roles("The lefty Amos Keel will hit for the pitcher.")).toMatchObject({ "Amos Keel": "bat" });
    expect(roles("Here's the righty, Tad Voss, to pinch-hit.")).toMatchObject({ "Tad Voss": "bat" });
    expect(roles("The left-hander Rudy Pell steps in with two on.")).toMatchObject({ "Rudy Pell": "bat" });
    // With nothing after it, the hand word still says a pitcher.
    expect(roles("In comes the lefty, Cy Dorn.")).toMatchObject({ "Cy Dorn": "pitch" });
  });

  it("the umpire making a call is staff, whether named before or after it", () => {
    expect(roles("Lem Ashby behind the plate calls it a strike.")).toMatchObject({ "Lem Ashby": "staff" });
    expect(roles("Ashby behind the dish didn't give him that one.")).toMatchObject({ Ashby: "staff" });
    expect(roles("He didn't get the call from Ashby on the corner.")).toMatchObject({ Ashby: "staff" });
    expect(roles("A generous zone from Ashby tonight.")).toMatchObject({ Ashby: "staff" });
    // A catcher behind the plate is not an umpire.
    expect(roles("Gus Orr behind the plate blocks it.")["Gus Orr"]).not.toBe("staff");
  });

  it("more ways a hitter puts the ball in play, or is introduced, say he bats", () => {
    expect(roles("Pike flares it into shallow left.")).toMatchObject({ Pike: "bat" });
    expect(roles("Dunn slaps one through the hole.")).toMatchObject({ Dunn: "bat" });
    expect(roles("Moss pokes a single to right.")).toMatchObject({ Moss: "bat" });
    expect(roles("Tully's a .288 hitter against lefties.")).toMatchObject({ Tully: "bat" });
    expect(roles("Ames is 6-for-21 as a pinch-hitter this year.")).toMatchObject({ Ames: "bat" });
  });

  it("a hyphenated word with a lower-case part opening a sentence is a word of the call", () => {
    expect(roles("First-pitch slider, and Pike takes it.")).not.toHaveProperty("First-pitch");
    expect(roles("Full-count pitch from Dorn, swung on and missed.")).not.toHaveProperty("Full-count");
    expect(roles("Two-seamer, and Pike rolls it over.")).not.toHaveProperty("Two-seamer");
    // A name capitalizes every part, or goes on after it.
    expect(roles("Jean-Luc Marchand steps in.")).toMatchObject({ "Jean-Luc Marchand": "bat" });
    expect(roles("Hyun-jin Park deals to Pike.")).toMatchObject({ "Hyun-jin Park": "pitch" });
  });
});

// Which side is home, from one sentence each, the rest of the text saying nothing: the two sides as their words
// (a short form, a city) and the half-inning of each paragraph are given.
describe("which side is home, in several phrasings", () => {
  const words = new Set(["redwings", "wings", "mudcats"]);
  const cities = new Map([["stone harbor", "redwings"], ["fernbrook", "mudcats"]]);
  const teams = (texts: string[], halves: (InningHalf | null)[] = texts.map(() => null)) =>
    discoverTeams(playsOf(texts), halves, [], words, cities);
  const mudcatsHome = { home: "Fernbrook Mudcats", away: "Stone Harbor Redwings" };
  const redwingsHome = { home: "Stone Harbor Redwings", away: "Fernbrook Mudcats" };
  const named = "The Stone Harbor Redwings and the Fernbrook Mudcats, a good crowd.";

  it("'the visiting X', 'your home-town X', with the city between the word and the nickname", () => {
    expect(teams([named, "The visiting Stone Harbor Redwings take the field."])).toMatchObject(mudcatsHome);
    expect(teams([named, "Your home-town Fernbrook Mudcats are up by two."])).toMatchObject(mudcatsHome);
    expect(teams([named, "Here come the home-town Wings, folks."])).toMatchObject(redwingsHome);
  });

  it("'X at Y', 'X visit Y', 'Y host X': the visitors are at the home side's park", () => {
    expect(teams([named, "It's the Redwings at the Mudcats tonight."])).toMatchObject(mudcatsHome);
    expect(teams([named, "Fernbrook at Stone Harbor, game two."])).toMatchObject(redwingsHome);
    expect(teams([named, "The Wings visit the Mudcats for three."])).toMatchObject(mudcatsHome);
    expect(teams([named, "The Mudcats host the Redwings this weekend."])).toMatchObject(mudcatsHome);
  });

  it("a side that comes to bat in the top half is the visitors; one that changes pitchers there is at home", () => {
    expect(teams([named, "Lou Wick leads it off for the Wings."], [null, "Top"])).toMatchObject(mudcatsHome);
    expect(teams([named, "Due up for Fernbrook: Tamsin, Fenner, Alder."], [null, "Top"])).toMatchObject(redwingsHome);
    expect(teams([named, "There's a change for Stone Harbor, the lefty coming in."], [null, "Bottom"])).toMatchObject(mudcatsHome);
    expect(teams([named, "The Mudcats go to the bullpen."], [null, "Top"])).toMatchObject(mudcatsHome);
    expect(teams([named, "Fernbrook brings in Cy Dorn."], [null, "Bottom"])).toMatchObject(redwingsHome);
  });
});

// A place spoken of as a side but never written with its nickname: the side no city was written for.
describe("discoverRoster when one side's city is never written with its nickname", () => {
  const texts = [
    "Welcome to the ballpark, home of the Lakeport Gulls. The Miners are in town.",
    "Top of the 1st. Ned Sorrel deals to Ray Quint for the Miners, ball one.",
    "Sorrel fires, and Quint grounds out. The Gulls have one down.",
    "Bottom of the 1st. Iron Gap down 1-0 already. Abe Tolan deals to Kip Varro, strike one.",
    "Tolan fires again, and Varro flies out. Iron Gap nursing a grudge and nothing else.",
    "Top of the 2nd. Sorrel deals to Quint, and Quint singles. The Miners have a man on.",
    "Bottom of the 2nd. Iron Gap protecting a tie now. Tolan deals to Varro, and Varro lines out. The Gulls wait.",
  ];
  const roster = discoverRoster(playsOf(texts));

  it("gives the place to the side with no city of its own, and to no player", () => {
    expect(roster.teams).toMatchObject({ home: "Lakeport Gulls", away: "Iron Gap Miners" });
    expect([...roster.pitchers, ...roster.batters].map((p) => p.name)).not.toContain("Iron Gap");
  });
});
