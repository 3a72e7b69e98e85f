import { describe, expect, it } from 'vitest';
import { decide, effectiveAccess } from '@/lib/acl/effective';
import type { AclBinding } from '@/lib/schemas/acl';

const b = (over: Partial<AclBinding>): AclBinding => ({
  principal: 'User:alice',
  host: '*',
  resourceType: 'TOPIC',
  resourceName: 'orders',
  patternType: 'LITERAL',
  operation: 'READ',
  permission: 'ALLOW',
  ...over,
});

const decision = (bindings: AclBinding[], principal: string, op: AclBinding['operation']) =>
  decide(bindings, principal, op).decision;

describe('effectiveAccess', () => {
  it('applies literal, wildcard and prefixed bindings, and ignores others', () => {
    const bindings = [
      b({ principal: 'User:lit' }),
      b({ principal: 'User:star', resourceName: '*' }),
      b({ principal: 'User:pre', resourceName: 'ord', patternType: 'PREFIXED' }),
      b({ principal: 'User:other-prefix', resourceName: 'orders-', patternType: 'PREFIXED' }),
      b({ principal: 'User:other-name', resourceName: 'order' }),
      b({ principal: 'User:group', resourceType: 'GROUP' }),
    ];
    const access = effectiveAccess(bindings, 'TOPIC', 'orders');
    expect(access.map((a) => a.principal)).toEqual(['User:lit', 'User:pre', 'User:star']);
    for (const a of access) expect(a.operations.find((o) => o.operation === 'READ')?.decision).toBe('allow');
  });

  it('deny beats allow, whatever pattern either comes from', () => {
    const bindings = [
      b({ operation: 'ALL' }),
      b({ permission: 'DENY', operation: 'WRITE', resourceName: 'ord', patternType: 'PREFIXED' }),
    ];
    const [alice] = effectiveAccess(bindings, 'TOPIC', 'orders');
    const of = (op: string) => alice!.operations.find((o) => o.operation === op)!;
    expect(of('WRITE').decision).toBe('deny');
    expect(of('WRITE').because).toHaveLength(1);
    expect(of('READ').decision).toBe('allow');
    expect(of('DELETE').decision).toBe('allow');
  });

  it('User:* is everyone: its deny reaches every user, its allow too', () => {
    const bindings = [b({}), b({ principal: 'User:*', permission: 'DENY', operation: 'ALL' })];
    expect(decision(bindings, 'User:alice', 'READ')).toBe('deny');
    expect(decision([b({ principal: 'User:*' })], 'User:bob', 'READ')).toBe('allow');
    expect(decision([b({ principal: 'User:*' })], 'Group:ops', 'READ')).toBe('none');
  });

  it('READ, WRITE, DELETE and ALTER imply DESCRIBE; a denied READ does not deny DESCRIBE', () => {
    expect(decision([b({ operation: 'WRITE' })], 'User:alice', 'DESCRIBE')).toBe('allow');
    expect(decision([b({ operation: 'ALTER_CONFIGS' })], 'User:alice', 'DESCRIBE_CONFIGS')).toBe('allow');
    expect(decision([b({ operation: 'DESCRIBE' })], 'User:alice', 'READ')).toBe('none');
    expect(
      decision([b({ operation: 'DESCRIBE' }), b({ permission: 'DENY' })], 'User:alice', 'DESCRIBE'),
    ).toBe('allow');
  });

  it('lists the operations of the resource type, undecided ones as none', () => {
    const [alice] = effectiveAccess([b({ resourceType: 'GROUP', resourceName: 'g' })], 'GROUP', 'g');
    expect(alice!.operations.map((o) => [o.operation, o.decision])).toEqual([
      ['READ', 'allow'],
      ['DESCRIBE', 'allow'],
      ['DELETE', 'none'],
    ]);
  });
});
