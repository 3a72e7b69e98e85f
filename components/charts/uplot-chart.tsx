'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * One uPlot chart as wide as its container: made in an effect (uPlot draws on a canvas, so never on
 * the server), made anew when `options` change (a theme, a metric, other series), given new `data`
 * in place, resized with its container, destroyed on unmount. Pages load this module on demand
 * (next/dynamic), so uPlot is only in the scripts of pages that draw a chart.
 */
export function UplotChart({
  options,
  data,
  height,
  className,
}: {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);

  useEffect(() => {
    latest.current = data;
    plot.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const u = new uPlot({ ...options, width: Math.max(1, el.clientWidth), height }, latest.current, el);
    plot.current = u;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== u.width) u.setSize({ width, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [options, height]);

  return <div ref={ref} className={className} style={{ height }} />;
}
