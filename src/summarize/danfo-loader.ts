/** The danfojs-node module, loaded once by `loadDanfo()`. */
export type Danfo = typeof import("danfojs-node");

let loading: Promise<Danfo> | undefined;

/**
 * Import danfojs-node once. TensorFlow.js (under danfo) prints a "install our node backend" banner
 * through console.warn on its first tensor write; this is the one place that silences it, by making
 * that first write here with console.warn muted, so notebooks and the CLI show only their own output.
 *
 * @example const dfd = await loadDanfo(); const df = new dfd.DataFrame(rows);
 */
export function loadDanfo(): Promise<Danfo> {
  loading ??= import("danfojs-node").then((dfd) => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      dfd.tensorflow.tensor([0]).dispose();
    } finally {
      console.warn = warn;
    }
    return dfd;
  });
  return loading;
}
