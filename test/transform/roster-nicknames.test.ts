import { describe, expect, it } from "vitest";
import { playHash } from "../../src/extract";
import { discoverRoster } from "../../src/transform/roster";

// A nickname is no new player: one the broadcast quotes on its own beside the name ("Beto Carrasco, "El Gato,""), or a
// Spanish article and a word where a name would be ("with La Pulga on second"). New sentences, written for this test.
const playsOf = (texts: string[]) => texts.map((t, i) => ({ play_id: i + 1, line: i + 2, playbyplay: t, play_hash: playHash(t) }));
const GAME = [
  "Top of the 1st. Lonnie Vack on the mound for the Pikes. Beto Carrasco, \"El Gato,\" leads off for the Cranes.",
  "Vack deals to Carrasco. Fastball, called strike. El Gato steps out, adjusts the gloves.",
  "Carrasco singles to left. El Gato on first, and Ray Soto steps in. \"The Hammer,\" the bleachers call Soto.",
  "Vack deals to Soto, and Soto swings through a slider. La Pulga would be running here, says my partner, but he's on the bench.",
  "With El Gato on first, Vack throws over. Then Soto grounds out, Carrasco to second.",
  "Jimmy Ruelas, \"La Roca,\" steps in. Vack deals to Ruelas, who lines out. La Roca is 0-for-2.",
  "The Hammer is up again later. Vack deals to Soto, and Soto flies out to end it.",
];

describe("roster discovery leaves nicknames out", () => {
  const roster = discoverRoster(playsOf(GAME));
  const everyone = [...roster.pitchers, ...roster.batters].map((p) => p.name);

  it("lists the players under their names, and no nickname as a player", () => {
    for (const name of ["Beto Carrasco", "Ray Soto", "Jimmy Ruelas", "Lonnie Vack"]) expect(everyone).toContain(name);
    for (const nickname of ["El Gato", "La Pulga", "La Roca", "The Hammer", "Hammer"]) expect(everyone).not.toContain(nickname);
  });
});
