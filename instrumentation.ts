// Validates the cluster configuration once at start, so a bad setting stops the server with a clear message.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig, ConfigError } = await import('@/server/config/clusters');
  try {
    const config = getConfig();
    const names = config.clusters.map((c) => `${c.id} (${c.bootstrapServers.join(',')})`).join('; ');
    process.stdout.write(JSON.stringify({ level: 'info', msg: `clusters: ${names}` }) + '\n');
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
