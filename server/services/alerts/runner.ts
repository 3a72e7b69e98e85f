import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { getAlertsConfig } from '@/server/config/alerts';
import { outsideRequestCount } from '@/server/kafka';
import { log } from '@/server/log';
import { getStore } from '@/server/store';
import type { LagSample } from '@/server/store/lag-store';
import { onClusterSampled, samplerStatus } from '@/server/services/lag-sampler';
import { allChannels, allRules } from '@/server/services/alerts/definitions';
import { deliverDue, type DeliverySettings } from '@/server/services/alerts/deliver';
import { evaluateCluster } from '@/server/services/alerts/evaluate';
import { readFacts } from '@/server/services/alerts/facts';

/**
 * Alerting runs where lag sampling runs: right after each minute's sample of a cluster, in the one
 * console process holding the sampler's lease, so exactly one process evaluates. Evaluation runs
 * beside sampling (never awaited by it), one at a time per cluster; deliveries are sent by a loop of
 * their own, so a slow receiver holds up neither.
 */

interface AlertsState {
  busy: Set<string>;
  delivering: boolean;
  timer: NodeJS.Timeout;
  unsubscribe: () => void;
}

const holder = globalThis as unknown as { __kafkascopeAlerts?: AlertsState };

export const deliverySettings = (): DeliverySettings => {
  const config = getAlertsConfig();
  return { ...config.delivery, webhookAllow: config.webhookAllow, publicUrl: config.publicUrl };
};

async function evaluate(cluster: ClusterConfig, sampled: LagSample[] | Error): Promise<void> {
  const store = await getStore();
  const rules = await allRules(store);
  if (rules.length === 0) return;
  const now = Date.now();
  const facts = await readFacts(store, cluster, rules, sampled, now);
  const result = await evaluateCluster(store, rules, facts, () => samplerStatus()?.leader === true);
  if (result.fired || result.resolved) log('info', 'alerts changed', { cluster: cluster.id, ...result });
  void deliver();
}

async function deliver(): Promise<void> {
  const state = holder.__kafkascopeAlerts;
  if (!state || state.delivering || !samplerStatus()?.leader) return;
  state.delivering = true;
  try {
    const store = await getStore();
    for (let round = 0; round < 10; round++) {
      const done = await deliverDue(store, await allChannels(store), deliverySettings(), Date.now(), () =>
        Boolean(samplerStatus()?.leader),
      );
      if (done.delivered + done.retried + done.failed === 0) break;
    }
  } catch (error) {
    log('warn', 'alert delivery paused', { error: (error as Error).message });
  } finally {
    state.delivering = false;
  }
}

export function startAlerting(): void {
  if (holder.__kafkascopeAlerts || !getAlertsConfig().enabled) return;
  outsideRequestCount(() => {
    const busy = new Set<string>();
    const unsubscribe = onClusterSampled((cluster, sampled) => {
      if (busy.has(cluster.id)) return;
      busy.add(cluster.id);
      evaluate(cluster, sampled)
        .catch((error: Error) =>
          log('warn', 'alert evaluation failed', { cluster: cluster.id, error: error.message }),
        )
        .finally(() => busy.delete(cluster.id));
    });
    const timer = setInterval(() => void deliver(), 2_000);
    timer.unref();
    holder.__kafkascopeAlerts = { busy, delivering: false, timer, unsubscribe };
  });
}

export function stopAlerting(): void {
  const state = holder.__kafkascopeAlerts;
  holder.__kafkascopeAlerts = undefined;
  if (!state) return;
  clearInterval(state.timer);
  state.unsubscribe();
}
