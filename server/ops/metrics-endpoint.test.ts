import { describe, expect, it } from 'vitest';
import { authorizeScrape } from '@/server/ops/metrics-endpoint';

const scrape = (authorization?: string) =>
  new Request('http://console/api/metrics', { headers: authorization ? { authorization } : {} });

describe('metrics token', () => {
  it('is not needed when none is configured', () => {
    expect(() => authorizeScrape(scrape(), '')).not.toThrow();
  });

  it('when configured, only the exact bearer token passes', () => {
    expect(() => authorizeScrape(scrape('Bearer s3cret'), 's3cret')).not.toThrow();
    for (const wrong of [undefined, 'Bearer s3cre', 'Bearer s3cret2', 's3cret', 'Basic s3cret']) {
      expect(() => authorizeScrape(scrape(wrong), 's3cret')).toThrow(
        expect.objectContaining({ code: 'unauthorized' }),
      );
    }
  });
});
