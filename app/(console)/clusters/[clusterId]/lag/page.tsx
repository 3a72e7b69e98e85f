import { LagCompareView } from '@/components/lag/lag-compare-view';

/** Lag over time of several groups on one chart; the browser reads the series from the store. */
export default function LagPage() {
  return <LagCompareView />;
}
