import 'server-only';

/** OpenSSL verification codes Node reports when the broker's certificate chain is not trusted. */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

const REASONS: [RegExp, string][] = [
  [/^CERT_HAS_EXPIRED$/, 'the broker certificate has expired'],
  [/^CERT_NOT_YET_VALID$/, 'the broker certificate is not valid yet'],
  [/^ERR_TLS_CERT_ALTNAME_INVALID$/, 'the broker certificate does not name this host (see tls.servername)'],
  [/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|^EPROTO$/, 'the listener does not speak TLS'],
  [
    /CERTIFICATE_REQUIRED|ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA/,
    'the broker wants a (valid) client certificate',
  ],
];

/**
 * A readable reason for a TLS failure, e.g. `TLS handshake with 127.0.0.1:9392 failed: certificate not
 * trusted (self-signed certificate in certificate chain)`; null when the error is not about TLS.
 */
export function tlsFailure(e: { code?: unknown; message?: string; broker?: string }): string | null {
  const code = typeof e.code === 'string' ? e.code : '';
  const message = (e.message ?? '').replace(/^(Connection error|Failed to connect): /, '');
  let reason: string | null = null;
  if (UNTRUSTED.has(code)) reason = 'certificate not trusted';
  else reason = REASONS.find(([pattern]) => pattern.test(code))?.[1] ?? null;
  if (!reason && /^ERR_SSL_|^ERR_TLS_/.test(code)) reason = 'TLS error';
  if (!reason) return null;
  const where = e.broker ? ` with ${e.broker}` : '';
  return `TLS handshake${where} failed: ${reason}${message ? ` (${message})` : ''}`;
}
