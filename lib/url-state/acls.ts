import { AclFilterSchema } from '@/lib/schemas/acl';
import { defineView } from '@/lib/url-state/core';

/** The ACL list's filters: the ACL list API's own query, each param with its default. */
export const aclListView = defineView(AclFilterSchema.shape);
