import type { Locator, Page } from '@playwright/test';

export class OverviewPage {
  readonly root: Locator;
  readonly brokerRows: Locator;
  readonly health: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('cluster-overview');
    this.brokerRows = this.root.getByTestId('broker-row');
    this.health = this.root.getByTestId('cluster-health');
  }

  stat(
    name:
      'brokers-online' | 'controller' | 'topics' | 'partitions' | 'under-replicated' | 'offline-partitions',
  ): Locator {
    return this.root.getByTestId(`stat-${name}`);
  }

  async goto(clusterId = 'local'): Promise<void> {
    await this.page.goto(`/clusters/${clusterId}`);
  }

  brokerRow(id: number): Locator {
    return this.root.locator(`[data-testid="broker-row"][data-broker-id="${id}"]`);
  }

  controllerRows(): Locator {
    return this.brokerRows.filter({ has: this.page.getByTestId('controller-badge') });
  }
}
