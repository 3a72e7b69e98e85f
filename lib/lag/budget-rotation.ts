/**
 * The time-lag budget of a sampling round (a number of partitions) goes to the groups in the order
 * this gives: opened groups first, then the others from where the last round's budget ran out, so
 * that with more lagging groups than one round covers, each still gets a time lag every few rounds.
 */
export class BudgetRotation {
  private readonly cursor = new Map<string, number>();

  order(key: string, groups: string[], opened: Set<string>): string[] {
    const rest = groups.filter((g) => !opened.has(g));
    const at = rest.length ? (this.cursor.get(key) ?? 0) % rest.length : 0;
    return [...groups.filter((g) => opened.has(g)), ...rest.slice(at), ...rest.slice(0, at)];
  }

  /** The next round starts after the last group of this round's `order` that got a time lag. */
  advance(key: string, order: string[], opened: Set<string>, served: Map<string, Map<string, number>>) {
    const rest = order.filter((g) => !opened.has(g));
    let last = -1;
    rest.forEach((g, i) => {
      if ((served.get(g)?.size ?? 0) > 0) last = i;
    });
    if (last < 0) return;
    const at = (this.cursor.get(key) ?? 0) % rest.length;
    this.cursor.set(key, (at + last + 1) % rest.length);
  }
}
