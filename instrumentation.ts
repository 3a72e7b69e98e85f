// Validates the cluster configuration once at start, so a bad setting stops the server with a clear message.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStart } = await import('@/server/config/check-at-start');
    checkConfigAtStart();
    // Every group's lag goes into the store from the start, whether or not anyone looks.
    if (process.env.KAFKASCOPE_LAG_SAMPLING !== 'off') {
      const { startLagSampling } = await import('@/server/services/lag-sampler');
      startLagSampling();
      // Alerts are evaluated right after each sample, by the process that samples.
      const { startAlerting, stopAlerting } = await import('@/server/services/alerts/runner');
      startAlerting();
      // On a stop (docker stop, a rolling update) the lease is handed back at once, so that another
      // process takes over sampling at its next try instead of after the lease has run out. Next.js
      // exits once its server has closed; this runs beside that.
      const { stopLagSampling } = await import('@/server/services/lag-sampler');
      for (const signal of ['SIGTERM', 'SIGINT'] as const)
        process.once(signal, () => {
          stopAlerting();
          void stopLagSampling();
        });
    }
  }
}
