import { describe, expect, it } from "vitest";
import type { ReferenceTables } from "../../src/domain";
import { PITCH_TYPE_TABLE, nameReaders } from "./fixtures/reading";

// How a call introduces the batter, takes one out for a pinch-hitter, names fielders, managers, umpires and records
// around the men at work. Sentences written for these tests (Larks and Moles), several phrasings per pattern; none
// is a sentence of a test set.
const refs: ReferenceTables = {
  pitchers: [
    { pitcher_id: 1, name: "Wes Ambrose", team: "Larks", throws: "R" },
    { pitcher_id: 2, name: "Tomas Reyna", team: "Larks", throws: "L" },
    { pitcher_id: 3, name: "Cal Hadley", team: "Moles", throws: "R" },
  ],
  batters: [
    { batter_id: 12, name: "Ray Dunmore", team: "Moles", position: "C", bats: "R" },
    { batter_id: 13, name: "Kofi Mensah", team: "Moles", position: "SS", bats: "R" },
    { batter_id: 14, name: "Eli Brandt", team: "Moles", position: "LF", bats: "L" },
    { batter_id: 21, name: "Sid Varela", team: "Larks", position: "CF", bats: "L" },
    { batter_id: 23, name: "Abe Kowalski", team: "Larks", position: "1B", bats: "R" },
    { batter_id: 24, name: "Dev Park", team: "Larks", position: "2B", bats: "S" },
  ],
  pitchTypes: PITCH_TYPE_TABLE,
};
const { names, batter, pitcher } = nameReaders(refs, ["larks", "moles"]);

describe("a batter introduced with his position is the batter, not a fielder", () => {
  it.each([
    ["Two down, a man on third, and it's the catcher Ray Dunmore.", "Ray Dunmore"],
    ["And now it's the shortstop Kofi Mensah, hitting .240.", "Kofi Mensah"],
    ["Here's the rookie Dev Park, first big-league at-bat.", "Dev Park"],
    ["Up comes the catcher, Dunmore, with two aboard.", "Dunmore"],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));

  it("but a catcher at work is still no batter", () => {
    expect(batter("Ball one, and the catcher Dunmore blocks it.")).toBeNull();
    expect(batter("In the dirt, and catcher Dunmore smothers it.")).toBeNull();
  });
});

describe("the men due up, listed in order: the first is at the plate", () => {
  it.each([
    ["Bottom of the 6th. Eli Brandt, Mensah and Dunmore coming up for the Moles.", "Eli Brandt"],
    ["Top of the 3rd: Varela, Park, and Kowalski due up.", "Varela"],
    ["Park, Kowalski and Varela will bat in the ninth, against the closer.", "Park"],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));
});

describe("a man said to be on deck, then taken back, is stepping in", () => {
  it.each([
    "One out, Dev Park waiting on deck, uh, in the box, I mean. He's up.",
    "Dev Park on deck... sorry, at the plate now.",
    "Dev Park, on deck, no, batting now, with two out.",
  ])("%s", (text) => expect(batter(text)).toBe("Dev Park"));

  it("but a man on deck and left there is not at the plate", () => {
    expect(batter("Dev Park on deck, and Kowalski takes ball one.")).toBe("Kowalski");
  });
});

describe("a batter called back for a pinch-hitter gives way to him", () => {
  it.each([
    "The Larks go to the bench. Sid Varela, the lefty, comes back for a pinch-hitter: Abe Kowalski.",
    "Varela is called back, and the pinch-hitter: Abe Kowalski.",
    "Varela makes way for Abe Kowalski, a right-handed bat off the bench.",
  ])("%s", (text) => expect(batter(text)).toBe("Abe Kowalski"));
});

describe("a fielder at work is not the batter", () => {
  it.each([
    "Foul tip, and Dunmore hangs on to it! Strike three!",
    "Bunted foul, Mensah lets it roll and it trickles out.",
    "Lined into the corner, Brandt cuts it off and holds it to a single.",
    "Strike two, Dunmore up and throws, and the runner is out at second!",
  ])("%s", (text) => expect(batter(text)).toBeNull());
});

describe("a batter who hits and then runs is still the batter", () => {
  it.each([
    "Varela turns on a fastball and rips it into the corner, and Varela slides into second with a double!",
    "Park jumps on the first pitch, a line drive to left, and Park scoots into second!",
  ])("%s", (text) => expect(batter(text)).toMatch(/Varela|Park/));

  it("but a runner who scoots along on a wild pitch is no batter", () => {
    expect(batter("In the dirt, wild pitch, and Varela scoots into second.")).toBeNull();
  });
});

describe("the pitcher: done and gone, coming in with his role, a record", () => {
  it.each([
    ["Bottom of the 7th, and Ambrose's done, 98 pitches. The manager brings in lefty Tomas Reyna.", "Tomas Reyna"],
    ["Ambrose's finished for the night. In comes the right-hander, Reyna.", "Reyna"],
    ["A change: Ambrose's through, and the Larks call on the veteran Tomas Reyna.", "Tomas Reyna"],
  ])("%s", (text, who) => expect(pitcher(text)).toBe(who));

  it.each(["Middle of the 8th, tied at two. That's Hadley's third blown save.", "After seven, it's Hadley's first loss since April hanging over him."])(
    "a record is no one at work: %s",
    (text) => expect(pitcher(text)).toBeNull(),
  );

  it("but his save chance is his work", () => expect(pitcher("Hadley's save chance: he starts Varela with a cutter, strike.")).toBe("Hadley"));
});

describe("managers, umpires and pitch nicknames are no players", () => {
  it.each([
    "Manager Rollie Voss brings his infield in.",
    "Ball two, and he's not getting that call from Pilcher today.",
    "Skipper Gus Orr takes the long walk to the mound.",
    "Gus Orr takes a walk out to the mound to settle him.",
  ])("%s", (text) => expect(names(text)).toEqual({ pitcher: null, batter: null }));

  it("Uncle Charlie is a curveball", () => {
    expect(batter("One and two... Uncle Charlie, seventy-six, and he swings right through it!")).toBeNull();
  });
});

describe("a paragraph that opens with the game over names no one at work", () => {
  it.each([
    "Ball game! Dev Park, the pinch-hitter, walks it off, and the Larks win it four to three.",
    "That's the ballgame. Ambrose gets the last out, and the Larks take it.",
    "And that'll do it, ball game, Larks three, Moles two. Ambrose finishes what he started.",
  ])("%s", (text) => expect(names(text)).toEqual({ pitcher: null, batter: null }));

  it("but the pitch that ends the game names its men", () => {
    expect(names("Ambrose deals, and Brandt grounds out to short, and that's the ball game!")).toEqual({ pitcher: "Ambrose", batter: "Brandt" });
  });
});

describe("a runner thrown out or in safely is not the batter", () => {
  it.each([
    ["Varela gets thrown out stealing, and Park is still up there with a 1-1 count.", "Park"],
    ["Dunmore's throw to second is late, Varela in safely, and Park takes ball two.", "Park"],
    ["Varela beats the throw to third, and Park fouls the pitch away.", "Park"],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));
});

describe("the next man, set up by a walk or brought up by the play before", () => {
  it.each([
    ["Kowalski is intentionally walked, and that brings Park to the plate.", "Park"],
    ["The Moles walk Kowalski on purpose to get to Park.", "Park"],
    ["Four wide ones to Kowalski, an intentional pass to face Park with the bases full.", "Park"],
    ["Kowalski's single brings Dev Park up with two on.", "Dev Park"],
  ])("%s", (text, who) => expect(batter(text)).toBe(who));
});

describe("a pitcher replaced gives way to the one who replaces him", () => {
  it.each([
    ["Ambrose, who pitched the sixth, is replaced by Reyna for the seventh.", "Reyna"],
    ["Ambrose gets relieved by Tomas Reyna after a leadoff walk.", "Tomas Reyna"],
    ["Ambrose has been lifted, succeeded by Reyna.", "Reyna"],
  ])("%s", (text, who) => expect(pitcher(text)).toBe(who));
});

describe("a runner the pitcher keeps an eye on is not the batter", () => {
  it.each([
    "Hadley checks Varela. Heater, taken for a strike.",
    "Hadley looks back Varela, then the pitch: ball, low.",
    "Hadley steps off on Varela, resets, and it's a strike.",
  ])("%s", (text) => expect(batter(text)).toBeNull());
});

describe("a runner going around and a fielder with the ball are not the batter", () => {
  it.each([
    "Base hit to right! Varela all the way around to third.",
    "Line drive into the gap, Varela rounds third and heads for home!",
    "Grounder to third, Mensah with it, throws... in time.",
    "There goes the runner, the throw is strong, and Mensah puts the tag on him!",
  ])("%s", (text) => expect(batter(text)).toBeNull());

  it("but a batter who hits it with authority is the batter", () => expect(batter("Park hits it with authority, right back up the middle.")).toBe("Park"));
});
