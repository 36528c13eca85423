import type { Extraction } from "../../../src/domain";
import type { Rng } from "../rng";
import { sentence } from "./words";

export const MIN_LENGTH = 150;
export const MAX_LENGTH = 500;

/**
 * A commentary paragraph and the facts it states. Every `state` call records a field the
 * text genuinely gives; the truth is built from these records only, never from the game.
 */
export class Paragraph {
  private readonly parts: string[] = [];
  readonly facts: Partial<Extraction> = {};

  add(text: string): this {
    if (text.trim()) this.parts.push(sentence(text));
    return this;
  }

  state<K extends keyof Extraction>(field: K, value: Extraction[K]): this {
    this.facts[field] = value;
    return this;
  }

  /** Record every fact a phrase carries. */
  merge(facts: Partial<Extraction>): this {
    Object.assign(this.facts, facts);
    return this;
  }

  get length(): number {
    return this.text().length;
  }

  /**
   * The finished text, padded with fact-free asides until it reaches the minimum length.
   * Asides go before or after the call so a reader cannot rely on position.
   */
  finish(rng: Rng, color: readonly string[], chatter = 0): string {
    const pool = [...color];
    // Talkative voices keep going after the minimum, so paragraph lengths vary as broadcasts do.
    const extra = rng.chance(chatter) ? 1 + rng.int(3) : 0;
    let added = 0;
    while ((this.text().length < MIN_LENGTH || added < extra) && pool.length > 0) {
      if (this.text().length >= MIN_LENGTH) added++;
      const aside = pool.splice(rng.int(pool.length), 1)[0]!;
      if (rng.chance(0.3) && this.parts.length > 1) this.parts.splice(1, 0, aside);
      else this.parts.push(aside);
    }
    while (this.text().length > MAX_LENGTH - 20 && this.parts.length > 1 && color.includes(this.parts[this.parts.length - 1]!)) this.parts.pop();
    const text = this.text();
    if (text.length > MAX_LENGTH) throw new Error(`Paragraph too long (${text.length}): ${text}`);
    return text;
  }

  text(): string {
    return this.parts.join(" ");
  }
}

/** A phrase and the facts it states. */
export interface Phrase {
  text: string;
  facts: Partial<Extraction>;
}

export const phrase = (text: string, facts: Partial<Extraction> = {}): Phrase => ({ text, facts });
