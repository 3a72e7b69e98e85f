'use client';

import { CommitInput } from '@/components/ui/commit-input';
import { Select } from '@/components/ui/field';
import { aclOperations, aclPermissions, aclResourceTypes, type AclFilter } from '@/lib/schemas/acl';

const label = 'block text-xs font-medium text-zinc-700 dark:text-zinc-300';

/** The DescribeAcls filter, each field in the address. */
export function AclFilters({
  filter,
  onChange,
}: {
  filter: AclFilter;
  onChange: (patch: Partial<AclFilter>) => void;
}) {
  const select = (
    key: 'resourceType' | 'patternType' | 'operation' | 'permission',
    text: string,
    values: readonly string[],
  ) => (
    <div className="space-y-1">
      <label htmlFor={`acl-filter-${key}`} className={label}>
        {text}
      </label>
      <Select
        id={`acl-filter-${key}`}
        data-testid={`acl-filter-${key}`}
        value={filter[key]}
        onChange={(e) => onChange({ [key]: e.target.value })}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {v === 'ANY' ? 'any' : v === 'MATCH' ? 'match (all that apply)' : v.toLowerCase()}
          </option>
        ))}
      </Select>
    </div>
  );
  const text = (key: 'principal' | 'host' | 'resourceName', title: string, placeholder: string) => (
    <div className="space-y-1">
      <label htmlFor={`acl-filter-${key}`} className={label}>
        {title}
      </label>
      <CommitInput
        id={`acl-filter-${key}`}
        data-testid={`acl-filter-${key}`}
        value={filter[key]}
        placeholder={placeholder}
        onCommit={(value) => onChange({ [key]: value })}
      />
    </div>
  );
  return (
    <div className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-7" data-testid="acl-filters">
      {text('principal', 'Principal', 'User:alice')}
      {text('host', 'Host', 'any')}
      {select('resourceType', 'Resource type', ['ANY', ...aclResourceTypes])}
      {text('resourceName', 'Resource name', 'any')}
      {select('patternType', 'Pattern', ['ANY', 'MATCH', 'LITERAL', 'PREFIXED'])}
      {select('operation', 'Operation', ['ANY', ...aclOperations])}
      {select('permission', 'Permission', ['ANY', ...aclPermissions])}
    </div>
  );
}
