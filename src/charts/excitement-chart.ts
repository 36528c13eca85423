import { OptionsError } from "../errors";
import { COUNT_AXIS } from "./axis-formats";
import { baseSpec, resolveChartOptions, type ChartOptions } from "./chart-options";
import { OKABE_ITO } from "./palette";
import type { ExcitementArcPoint, VegaLiteSpec } from "./types";

export interface ExcitementChartOptions extends ChartOptions {
  /**
   * Plays on each side of a play averaged into the smoothed trend (a centred
   * rolling mean over 2·window+1 plays). Default: about 2.5% of the plays, at least 2.
   */
  window?: number;
}

/**
 * The excitement arc: every play's excitement in game order, a rolling-mean
 * trend, inning boundaries as labelled rules and key moments as vermillion
 * diamonds with a tooltip; the subtitle says how many key moments there are
 * (or that there are none in these plays). Takes `excitementTimeline(db)` rows as they are. Commentary
 * rarely restates the inning, so a play with a null inning (or half) is placed
 * in the last one stated before it; plays before any stated inning show
 * "unknown" and open no boundary.
 *
 * @example showChart(excitementArcChart(await excitementTimeline(db), { title: "Excitement, full game" }))
 */
export function excitementArcChart(points: readonly ExcitementArcPoint[], options: ExcitementChartOptions = {}): VegaLiteSpec {
  const base = resolveChartOptions(options, { title: "Excitement over the game", width: 720, height: 280 });
  const window = options.window ?? Math.max(2, Math.round(points.length / 40));
  if (!Number.isInteger(window) || window < 1) throw new OptionsError("window", "an integer ≥ 1", options.window);

  let inning: number | null = null;
  let half: string | null = null;
  const values = points.map((p, i) => {
    inning = p.inning_number ?? inning;
    half = p.inning_half ?? half;
    return {
      order: i + 1,
      play_id: String(p.play_id),
      inning,
      half: half ?? "unknown",
      excitement: p.excitement,
      key_moment: p.key_moment,
      label: p.label ?? "",
    };
  });
  const boundaries = inningStarts(values);
  const moments = values.filter((v) => v.key_moment).length;
  const subtitle = moments > 0
    ? `${moments} key moment${moments === 1 ? "" : "s"} marked as diamonds`
    : `No key moments in these ${values.length} plays`;
  const spec = baseSpec(base.title);

  return {
    ...spec,
    title: { ...(spec.title as object), text: base.title, subtitle, subtitleColor: "#555" },
    width: base.width,
    height: base.height,
    data: { values },
    encoding: {
      x: { field: "order", type: "quantitative", title: "Play (game order)", axis: { grid: false, ...COUNT_AXIS }, scale: { domain: [1, Math.max(2, values.length)], nice: false } },
    },
    layer: [
      {
        data: { values: boundaries },
        mark: { type: "rule", color: "#c8c8c8", strokeDash: [3, 3] },
        encoding: { x: { field: "order", type: "quantitative" } },
      },
      {
        data: { values: boundaries },
        mark: { type: "text", align: "left", baseline: "top", dx: 3, dy: 2, fontSize: 10, color: "#777" },
        encoding: { x: { field: "order", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } },
      },
      {
        mark: { type: "line", color: OKABE_ITO.skyBlue, strokeWidth: 1 },
        encoding: {
          y: { field: "excitement", type: "quantitative", title: "Excitement" },
          tooltip: [
            { field: "order", title: "Play #" },
            { field: "play_id", title: "Play id" },
            { field: "inning", title: "Inning" },
            { field: "half", title: "Half" },
            { field: "excitement", title: "Excitement", format: ".2f" },
          ],
        },
      },
      {
        name: "trend",
        transform: [{ window: [{ op: "mean", field: "excitement", as: "trend" }], frame: [-window, window], sort: [{ field: "order" }] }],
        mark: { type: "line", color: OKABE_ITO.blue, strokeWidth: 2.5 },
        encoding: { y: { field: "trend", type: "quantitative" } },
      },
      {
        name: "key_moments",
        transform: [{ filter: "datum.key_moment" }],
        mark: { type: "point", shape: "diamond", filled: true, color: OKABE_ITO.vermillion, size: 110, opacity: 1, stroke: "white", strokeWidth: 1 },
        encoding: {
          y: { field: "excitement", type: "quantitative" },
          tooltip: [
            { field: "label", title: "Key moment" },
            { field: "inning", title: "Inning" },
            { field: "half", title: "Half" },
            { field: "excitement", title: "Excitement", format: ".2f" },
            { field: "play_id", title: "Play id" },
          ],
        },
      },
    ],
  };
}

/** The first play of each inning, labelled "Inn 1", "Inn 2", …; plays before any known inning open none. */
function inningStarts(values: readonly { order: number; inning: number | null }[]): { order: number; label: string }[] {
  const starts: { order: number; label: string }[] = [];
  let previous: number | undefined;
  for (const v of values) {
    if (v.inning === null) continue;
    if (v.inning !== previous) starts.push({ order: v.order, label: `Inn ${v.inning}` });
    previous = v.inning;
  }
  return starts;
}
