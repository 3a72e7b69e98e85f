// Validates the cluster configuration once at start, so a bad setting stops the server with a clear message.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStart } = await import('@/server/config/check-at-start');
    checkConfigAtStart();
  }
}
