import { describe, expect, it } from 'vitest';
import { tlsFailure } from '@/server/kafka/client/tls-errors';

describe('TLS failure messages', () => {
  it('say what went wrong with which broker, in words', () => {
    const broker = '127.0.0.1:9392';
    expect(
      tlsFailure({
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
        broker,
        message: 'Connection error: self-signed certificate in certificate chain',
      }),
    ).toBe(
      'TLS handshake with 127.0.0.1:9392 failed: certificate not trusted (self-signed certificate in certificate chain)',
    );
    expect(tlsFailure({ code: 'ERR_TLS_CERT_ALTNAME_INVALID', broker })).toMatch(
      /does not name this host \(see tls.servername\)/,
    );
    expect(tlsFailure({ code: 'ERR_SSL_WRONG_VERSION_NUMBER', broker })).toMatch(
      /the listener does not speak TLS/,
    );
    expect(tlsFailure({ code: 'CERT_HAS_EXPIRED', broker })).toMatch(/has expired/);
    expect(tlsFailure({ code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', broker })).toMatch(
      /client certificate/,
    );
  });

  it('leave other connection failures alone', () => {
    expect(
      tlsFailure({ code: 'ECONNREFUSED', message: 'Connection error: connect ECONNREFUSED' }),
    ).toBeNull();
    expect(tlsFailure({ message: 'Connection timeout' })).toBeNull();
  });
});
