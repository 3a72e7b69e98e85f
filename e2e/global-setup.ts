import { ensureCluster, stopCluster } from '../dev/kafka/local-cluster';

/** The suite needs the local cluster; it stops it afterwards only if it started it. */
export default function globalSetup(): () => void {
  const { startedHere } = ensureCluster();
  return () => {
    if (startedHere) stopCluster();
  };
}
