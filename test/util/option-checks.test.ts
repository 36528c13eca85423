import { describe, expect, it } from "vitest";
import { OptionsError } from "../../src/errors";
import { dropUndefined, withDefaults } from "../../src/util/defined";
import { checkInteger, checkNumber, checkOneOf } from "../../src/util/option-checks";
import { sleep } from "../../src/util/sleep";
import { AbortError } from "../../src/errors";

describe("option checks", () => {
  it("name the field, say what was expected and show the value", () => {
    expect(checkInteger("batchSize", 8, 1)).toBe(8);
    expect(() => checkInteger("batchSize", 0, 1)).toThrow(new OptionsError("batchSize", "an integer ≥ 1", 0));
    expect(() => checkInteger("batchSize", 0, 1)).toThrow("Expected `batchSize` to be an integer ≥ 1, got 0");
    expect(() => checkInteger("port", 70_000, 1, 65_535)).toThrow("Expected `port` to be an integer from 1 to 65535, got 70000");
    expect(() => checkInteger("rows", "10", 0)).toThrow('Expected `rows` to be an integer ≥ 0, got "10"');
    expect(() => checkNumber("maxCostUsd", 0, { above: 0 })).toThrow("Expected `maxCostUsd` to be a number > 0, got 0");
    expect(() => checkNumber("temperature", Number.NaN, { min: 0, max: 2 })).toThrow("Expected `temperature` to be a number from 0 to 2, got null");
    expect(checkNumber("temperature", 2, { min: 0, max: 2 })).toBe(2);
    expect(() => checkOneOf("mode", "loud", ["tty", "lines"])).toThrow('Expected `mode` to be tty, lines, got "loud"');
  });
});

describe("defaults spread once", () => {
  it("an unset optional field keeps the default, a set one wins", () => {
    expect(dropUndefined({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
    expect(withDefaults({ attempts: 3, timeoutMs: 5000 }, { attempts: undefined, timeoutMs: 10 })).toEqual({ attempts: 3, timeoutMs: 10 });
  });
});

describe("sleep", () => {
  it("waits, and an abort cuts it short with an AbortError", async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const long = sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(long).rejects.toBeInstanceOf(AbortError);
    await expect(sleep(10, controller.signal)).rejects.toThrow("Aborted");
  });
});
