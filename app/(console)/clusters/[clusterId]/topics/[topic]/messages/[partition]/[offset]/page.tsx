'use client';

import { useParams } from 'next/navigation';
import { SingleMessage } from '@/components/messages/single-message';
import { decodeSegment } from '@/lib/format/text';

export default function MessagePage() {
  const params = useParams<{ clusterId: string; topic: string; partition: string; offset: string }>();
  const whole = (segment: string) => (/^\d+$/.test(segment) ? Number(segment) : NaN);
  return (
    <SingleMessage
      clusterId={params.clusterId}
      topic={decodeSegment(params.topic)}
      partition={whole(params.partition)}
      offset={whole(params.offset)}
    />
  );
}
