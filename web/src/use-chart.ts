import { Chart, type ChartConfiguration, type ChartType } from "chart.js";
import { type Inputs, useEffect, useRef } from "preact/hooks";

/**
 * A canvas drawn by chart.js: built from `config` after render, rebuilt when `inputs` change,
 * destroyed with the component. A chart never destroyed keeps its resize listeners and its
 * canvas alive, and a second `new Chart` on the same canvas throws.
 */
export function useChart<T extends ChartType>(config: () => ChartConfiguration<T>, inputs: Inputs) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config());
    return () => chart.destroy();
    // The caller lists what its config reads, as with any hook's inputs.
  }, inputs);
  return canvas;
}
