import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/layout/console-shell';

type Params = Promise<{ clusterId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { clusterId } = await params;
  return { title: clusterId };
}

export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { clusterId } = await params;
  return <ConsoleShell clusterId={clusterId}>{children}</ConsoleShell>;
}
