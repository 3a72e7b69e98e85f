// Validates the cluster configuration once at start, so a bad setting stops the server with a clear message.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStart } = await import('@/server/config/check-at-start');
    checkConfigAtStart();
    const sampling = process.env.KAFKASCOPE_LAG_SAMPLING !== 'off';
    // Every group's lag goes into the store from the start, whether or not anyone looks.
    const { startLagSampling, stopLagSampling } = await import('@/server/services/lag-sampler');
    const { startAlerting, stopAlerting } = await import('@/server/services/alerts/runner');
    if (sampling) {
      startLagSampling();
      // Alerts are evaluated right after each sample, by the process that samples.
      startAlerting();
    }
    // On a stop (docker stop, a rolling update) the sampler's lease is handed back at once, so that
    // another process takes over at its next try instead of after the lease has run out. With
    // NEXT_MANUAL_SIG_HANDLE (the image sets it) the console ends the process once that is done (at
    // most 3 s); without it Next.js exits on its own and the hand-back is only attempted.
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const)
      process.once(signal, () => {
        stopAlerting();
        const bound = new Promise((r) => setTimeout(r, 3_000).unref());
        void Promise.race([stopLagSampling(), bound]).finally(() => {
          if (process.env.NEXT_MANUAL_SIG_HANDLE) process.exit(code);
        });
      });
  }
}
