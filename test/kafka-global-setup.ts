import { ensureCluster, stopCluster } from '../dev/kafka/local-cluster';

/** Starts the local cluster when it is not running, and stops it afterwards only in that case. */
export default function setup(): () => void {
  const { startedHere } = ensureCluster();
  return () => {
    if (startedHere) stopCluster();
  };
}
