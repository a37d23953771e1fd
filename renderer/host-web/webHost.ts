/** Placeholder; the browser implementation of the host contract replaces it. */
import { type HostBridge } from '../../shared/ipc/contract';

export async function createWebHostBridge(): Promise<HostBridge> {
  throw new Error('the browser host is not available yet');
}
