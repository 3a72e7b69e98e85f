/**
 * Unsigned JWTs (alg "none") as Kafka's unsecured-JWS validator accepts them on the dev cluster's
 * OAUTHBEARER listeners. Test support only: a real cluster validates signed tokens.
 */
export function unsecuredJwt(subject: string, lifetimeSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: subject, iat: now, exp: now + lifetimeSeconds })}.`;
}
