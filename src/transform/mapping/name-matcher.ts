import type { Confidence } from "../../domain/index";
import { editDistance } from "./edit-distance";

/** A person the matcher can resolve to. */
export interface NamedEntity {
  id: number;
  name: string;
}

export interface NameMatch {
  id: number;
  confidence: Confidence;
}

const SUFFIX = /\s+(?:jr|sr|ii|iii|iv)$/;

/** Case-, accent- and punctuation-insensitive form of a name: "José  Ramírez Jr." → "jose ramirez". */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, "")
    .replace(/-/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(SUFFIX, "");
}

interface Entry {
  id: number;
  exact: string;
  full: string;
  first: string;
  surname: string;
}

/**
 * Resolve written names to IDs, deterministically and conservatively:
 * exact full name → high; same name ignoring case, accents and punctuation → high;
 * unique surname (alone or with a matching initial) → high, with a different first name → medium;
 * unique surname within edit distance 2 → low; anything ambiguous or unknown → null.
 *
 * @example
 * const m = createNameMatcher([{ id: 1, name: "Gerrit Cole" }]);
 * m.match("cole") // { id: 1, confidence: "high" }
 */
export function createNameMatcher(entities: NamedEntity[]): (name: string | null) => NameMatch | null {
  const entries: Entry[] = entities.map((e) => {
    const full = normalizeName(e.name);
    const parts = full.split(" ");
    return { id: e.id, exact: e.name.trim(), full, first: parts[0] ?? "", surname: parts.length > 1 ? parts.slice(1).join(" ") : full };
  });
  const lastWord = (s: string) => s.split(" ").pop() ?? s;
  const only = (list: Entry[], confidence: Confidence): NameMatch | null => {
    const ids = new Set(list.map((e) => e.id));
    return ids.size === 1 ? { id: list[0]!.id, confidence } : null;
  };
  return (name) => {
    if (name === null || name.trim() === "") return null;
    const exact = entries.filter((e) => e.exact === name.trim());
    if (exact.length > 0) return only(exact, "high");
    const n = normalizeName(name);
    const full = entries.filter((e) => e.full === n);
    if (full.length > 0) return only(full, "high");
    const words = n.split(" ");
    const given = words.length > 1 ? words[0]! : null;
    const sur = words.length > 1 ? words.slice(1).join(" ") : n;
    const bySurname = entries.filter((e) => e.surname === sur || lastWord(e.surname) === lastWord(sur) || e.surname === n);
    if (bySurname.length > 0) {
      if (given === null) return only(bySurname, "high");
      const sameInitial = bySurname.filter((e) => e.first[0] === given[0]);
      if (sameInitial.length > 0) return only(sameInitial, given.length <= 1 || sameInitial.some((e) => e.first === given) ? "high" : "medium");
      return only(bySurname, "medium");
    }
    const target = lastWord(sur);
    if (target.length < 4) return null;
    const scored = entries.map((e) => ({ e, d: Math.min(editDistance(lastWord(e.surname), target, 2), editDistance(e.full, n, 2)) }));
    const best = Math.min(...scored.map((s) => s.d));
    if (best > 2) return null;
    return only(scored.filter((s) => s.d === best).map((s) => s.e), "low");
  };
}
