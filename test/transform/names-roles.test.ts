import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { RuleExtractor, extractPlay } from "../../src/transform";
import type { NameRoster } from "../../src/transform/offline/name-parser";
import { PITCH_TYPE_TABLE, nameReaders, rawPlays } from "./fixtures/reading";

// The role words around a name that say who is at the plate and who is on the mound, when a call names runners,
// catchers, earlier plays and records too. Sentences written for these tests, several phrasings per rule, each
// standing for a general way broadcasters talk (none is a sentence of a test set).
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Wes Ambrose", team: "Larks", throws: "R" },
    { pitcher_id: 2, name: "Tomas Reyna", team: "Larks", throws: "L" },
    { pitcher_id: 3, name: "Cal Hadley", team: "Moles", throws: "R" },
    { pitcher_id: 4, name: "Jun Ito", team: "Moles", throws: "R" },
  ],
  batters: [
    { batter_id: 11, name: "Jun Ito", team: "Moles", position: "DH", bats: "L" },
    { batter_id: 12, name: "Ray Dunmore", team: "Moles", position: "C", bats: "R" },
    { batter_id: 13, name: "Kofi Mensah", team: "Moles", position: "SS", bats: "R" },
    { batter_id: 14, name: "Eli Brandt", team: "Moles", position: "LF", bats: "L" },
    { batter_id: 21, name: "Sid Varela", team: "Larks", position: "CF", bats: "L" },
    { batter_id: 22, name: "Luca Brandt", team: "Larks", position: "C", bats: "R" },
    { batter_id: 23, name: "Abe Kowalski", team: "Larks", position: "1B", bats: "R" },
    { batter_id: 24, name: "Dev Park", team: "Larks", position: "2B", bats: "S" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const { names, batter, pitcher } = nameReaders(refs, ["larks", "moles"]);
const plays = (texts: string[]) => rawPlays(texts, "roles");

describe("a runner, however he is called, is not the batter", () => {
  it("a man said to be off, going or running on the pitch, wherever else he is named", () => {
    expect(batter("Varela is off with the pitch! Fastball, swung through, and the throw from Dunmore is late. Varela steals second.")).toBeNull();
    expect(batter("Varela will be running on the pitch. Sinker, ball one, and Kowalski doesn't offer.")).toBe("Kowalski");
    expect(batter("And there goes Varela! Changeup, taken for a strike, and he slides in ahead of the tag.")).toBeNull();
    expect(batter("Curveball, called strike. That's stolen base number two tonight for Varela.")).toBeNull();
  });

  it("a man with a lead, in scoring position, or sliding", () => {
    expect(batter("Park takes his lead off first. The pitch to Kowalski: a curve, low.")).toBe("Kowalski");
    expect(batter("Park with a modest lead. Hadley checks him and fires, strike one on Kowalski.")).toBe("Kowalski");
    expect(batter("With Varela in scoring position, Hadley deals, and Park lines it foul.")).toBe("Park");
    expect(batter("Replay shows Varela's hand got in under the tag. The call stands.")).toBeNull();
  });

  it("a man representing a run, picked off, or going first to third", () => {
    expect(batter("Varela, representing the tying run, takes a lead. Hadley deals, and Kowalski swings through it.")).toBe("Kowalski");
    expect(batter("Hadley spins and throws, and Varela is picked off! That's a big out.")).toBeNull();
    expect(batter("Base hit to right, and Varela goes first to third. Here's Dev Park.")).toBe("Dev Park");
  });

  it("a man who leads off a base, gets a jump, or dives back", () => {
    expect(batter("Varela leads off second. Hadley kicks and fires, and Kowalski takes it low.")).toBe("Kowalski");
    expect(batter("Varela gets a great jump, but the pitch is fouled back and he has to return.")).toBeNull();
    expect(batter("Hadley throws over and Varela dives back just in time.")).toBeNull();
  });

  it("a pinch-runner, and the man on deck, are not at the plate", () => {
    expect(batter("Luca Brandt pinch-runs for Kowalski at first. Hadley deals to Park, strike one.")).toBe("Park");
    expect(batter("Ball one to Park, with Varela on deck and the crowd on its feet.")).toBe("Park");
    expect(batter("Varela waits on deck as Hadley gets the sign. Here's the pitch: ball one.")).toBeNull();
    expect(batter("A new man up: Varela, on deck all this time, steps in.")).toBe("Varela");
  });

  it("but a batter who hits or walks and then runs is still the batter", () => {
    expect(batter("Varela hammers it into the gap, and Varela cruises into second with a double.")).toBe("Varela");
    expect(batter("Ball four, and Park trots down to first.")).toBe("Park");
  });
});

describe("a batter said to step in is the man at the plate", () => {
  it("after the play before is told", () => {
    expect(batter("So Park is aboard with one out, and here comes Abe Kowalski.")).toBe("Abe Kowalski");
    expect(batter("Kowalski jogs down to first, and Sid Varela will bat left-handed against the righty.")).toBe("Sid Varela");
    expect(batter("Varela slid in ahead of the throw. Dev Park, the second baseman, steps in with two on.")).toBe("Dev Park");
    expect(batter("Two down, Park still at first, and catcher Luca Brandt comes up.")).toBe("Luca Brandt");
  });

  it("that brings up X, the next hitter is X, X will hit", () => {
    expect(batter("Varela's single put two on, and that brings up Abe Kowalski.")).toBe("Abe Kowalski");
    expect(batter("Park waves to the dugout from second. The next hitter is Kowalski.")).toBe("Kowalski");
    expect(batter("Park stands on second base, clapping. Kowalski will hit with two on.")).toBe("Kowalski");
  });

  it("here's, leading off", () => {
    expect(batter("The crowd is still buzzing about Varela, and here's Abe Kowalski.")).toBe("Abe Kowalski");
    expect(batter("Varela made the last out an inning ago. Leading off the fourth, Dev Park.")).toBe("Dev Park");
  });

  it("unless one named before him bats on this pitch: the next man announced is a look ahead", () => {
    expect(batter("Kowalski grounds out to short on the first pitch. Up next, Sid Varela.")).toBe("Kowalski");
  });
});

describe("the catcher at work is not the batter", () => {
  it("giving the sign, smothering a pitch, throwing, staying in to catch", () => {
    expect(batter("Hadley gets the sign from Dunmore, and here's the pitch: cutter, called strike.")).toBeNull();
    expect(batter("Curve in the dirt, and Dunmore did well to smother it. Ball two.")).toBeNull();
    expect(batter("Fastball, taken, and Dunmore's throw is not in time.")).toBeNull();
    expect(batter("Luca Brandt stays in to catch for the Larks, and Kofi Mensah leads off.")).toBe("Kofi Mensah");
  });

  it("a pitch that gets by him, a trip to the mound, 'with Dunmore catching'", () => {
    expect(batter("Slider in the dirt, and it gets by Dunmore! The runner moves up.")).toBeNull();
    expect(batter("Dunmore jogs out to the mound for a word with Hadley.")).toBeNull();
    expect(batter("Hadley pitching, Dunmore catching, and the 2-1 to Varela is a cutter, fouled off.")).toBe("Varela");
  });

  it("a catcher out to talk, taking the throw or applying the tag; the man waiting at the plate bats", () => {
    expect(batter("Luca Brandt out to talk to his pitcher. Eli Brandt waits at the plate.")).toBe("Eli Brandt");
    expect(batter("Ball four is wild, Varela races home, and Dunmore takes the throw from Hadley.")).toBeNull();
    expect(batter("Here comes the relay, and Dunmore at the plate applies the tag in time.")).toBeNull();
    expect(batter("Two on, Mensah in the box, and the infield is in.")).toBe("Mensah");
  });

  it("any fielder at work: a diving stop, a backhand, the relay, a ball thrown over to him", () => {
    expect(batter("Mensah grounds one to the hole, and Park makes a diving stop and throws him out.")).toBe("Mensah");
    expect(batter("Hard shot, but Park backhands it. Over to Kowalski for the out.")).toBeNull();
    expect(batter("Ito rips one into the gap... Varela with the relay, not in time. Double.")).toBe("Ito");
    expect(names("Hard shot, but Park backhands it. Over to Kowalski for the out.").pitcher).toBeNull();
  });

  it("but a catcher coming up to bat is the batter", () => {
    expect(batter("Catcher Ray Dunmore comes up with a man on.")).toBe("Ray Dunmore");
  });
});

describe("an earlier play, a record, a name taken back", () => {
  it("a play credited as done gives way to anyone else named; alone, it is the batter's", () => {
    expect(batter("Sacrifice fly for Park, and the game is tied. Sid Varela, two for three tonight, with a chance now.")).toBe("Sid Varela");
    expect(batter("The RBI single by Kowalski makes it 3-2. Dev Park at the dish.")).toBe("Dev Park");
    expect(batter("Fly ball to deep right, caught, and the runner tags. Sacrifice fly for Park!")).toBe("Park");
    expect(batter("Listen to this crowd! Kowalski takes a curtain call.")).toBeNull();
  });

  it("a record is not an act on this pitch", () => {
    expect(pitcher("Slider, low. 2-1. Ambrose has thrown 19 strikes in 24 pitches tonight.")).toBeNull();
    expect(batter("Fastball, up and in. 3-1. Park has walked 60 times this year.")).toBeNull();
    expect(names("Ambrose has struck out the side! Park never had a chance.").pitcher).toBe("Ambrose");
  });

  it("a name the narrator takes back is not the one he means", () => {
    expect(batter("Slider, bounced, and Kowalski... sorry, Park checks his swing. Ball one.")).toBe("Park");
    expect(batter("Fastball away, and Kowalski, I mean Park, fouls it off.")).toBe("Park");
  });

  it("a colour man's 'if I'm Hadley' still names Hadley", () => {
    expect(pitcher("Pitching coach out to the mound. If I'm Hadley, I throw the curve here.")).toBe("Hadley");
  });

  it("a strikeout credited to a pitcher names him; 'in for' takes him out", () => {
    expect(pitcher("Three and two... strike three! A big strikeout for Hadley with two on.")).toBe("Hadley");
    expect(pitcher("Pitching change: Reyna comes in for Ambrose.")).toBe("Reyna");
  });
});

describe("a break between halves names no one at the plate", () => {
  it("middle of, after N full, through N complete, through the top of", () => {
    expect(batter("After five full innings it's two apiece, and that walk to Varela nearly hurt.")).toBeNull();
    expect(batter("Through the top of the seventh, still scoreless, and Park's two strikeouts stand out.")).toBeNull();
    expect(batter("Middle of the sixth: Larks 3, Moles 2. Varela left two on.")).toBeNull();
  });

  it("unless a man is said to lead off, or the pitch that ended the half is his", () => {
    expect(batter("Middle of the sixth. Kofi Mensah leads off the bottom half.")).toBe("Kofi Mensah");
    expect(batter("Park bounces out to short on the 1-1. End of the fourth.")).toBe("Park");
  });
});

describe("a two-way player on base is neither batter nor pitcher", () => {
  it("the half says which he can be, and base words say he is running", () => {
    const rows = plays([
      "Bottom of the 3rd. Ambrose on the mound for the Larks. Jun Ito leads off.",
      "Ambrose deals, and Ito lines a single to right.",
      "Ito takes a short lead off first. Ambrose's first pitch to Mensah is a slider, in the dirt.",
      "Ito is off on the pitch! The 1-0 to Mensah, a heater, and Mensah fouls it back.",
    ]);
    const out = [...new RuleExtractor({ references: refs, homeTeam: "Moles", awayTeam: "Larks" }).extract(rows).values()];
    expect(out[1]).toMatchObject({ pitcher_name: "Ambrose", batter_name: "Ito" });
    expect(out[2]).toMatchObject({ pitcher_name: "Ambrose", batter_name: "Mensah" });
    expect(out[3]).toMatchObject({ pitcher_name: null, batter_name: "Mensah" });
  });
});

describe("the pitcher by the grammar of the call, when the roster cannot tell", () => {
  it("a surname a pitcher and a batter share: 'X's working quickly' is the pitcher at work, not his work done", () => {
    const shared: NameRoster = { pitchers: ["Nate Webb", "Wes Ambrose"], batters: ["Corey Webb", "Dev Park"], teamWords: [] };
    const who = (text: string) => extractPlay(text, { roster: shared });
    expect(who("Slider, and Park takes it for a strike. Webb's working quickly tonight.")).toMatchObject({ pitcher_name: "Webb", batter_name: "Park" });
    expect(who("Fastball, fouled back by Park. Webb's dealing now.").pitcher_name).toBe("Webb");
    expect(who("Park flies out to left, and that caps Ambrose's work for the evening.").pitcher_name).toBeNull();
  });

  it("a number word starting a sentence is no name", () => {
    expect(extractPlay("Ambrose comes back out. Ninety pitches on the arm already.", { roster: { pitchers: ["Reyna"], batters: [], teamWords: [] } }).pitcher_name).toBeNull();
    expect(extractPlay("Seventy pitches through four for the righty.").pitcher_name).toBeNull();
  });
});

describe("managers and umpires are not at work in the call", () => {
  it("named with their job before or after them, the grammar does not take them for a pitcher or a batter", () => {
    const none: NameRoster = { pitchers: [], batters: [], teamWords: [] };
    const who = (text: string) => extractPlay(text, { roster: none });
    expect(who("Called strike three, and Pelletier, the plate umpire, rings him up.").pitcher_name).toBeNull();
    expect(who("Slider away. The ump Pelletier punches him out anyway.").pitcher_name).toBeNull();
    expect(who("Skipper Halloway walks to the mound, and the crowd boos.").pitcher_name).toBeNull();
  });
});
