'use client';

import { useState } from 'react';
import { ProduceDialog } from '@/components/messages/produce-dialog';
import { Button } from '@/components/ui/button';
import { IconPlus } from '@/components/ui/icons';
import { usePermission } from '@/lib/query/auth';

export function ProduceButton({
  clusterId,
  topic,
  partitions,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
}) {
  const [open, setOpen] = useState(false);
  const permission = usePermission(clusterId, 'message.produce');
  return (
    <>
      <Button
        variant="primary"
        onClick={() => setOpen(true)}
        disabled={!permission.allowed}
        title={permission.reason ?? undefined}
        data-testid="produce-button"
      >
        <IconPlus className="size-4" />
        Produce
      </Button>
      <ProduceDialog
        clusterId={clusterId}
        topic={topic}
        partitions={partitions}
        open={open}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
