/**
 * This browser profile's (or desktop install's) lasting id. A replaced value is told to the device
 * that wrote it, across reloads and new sessions of the plan, so the id must outlive a session.
 */
import { newId } from '../../shared/model/ids';

const DEVICE_KEY = 'tandem.device';
let fallback: string | null = null;

export function thisDevice(): string {
  try {
    const known = localStorage.getItem(DEVICE_KEY);
    if (known) return known;
    const fresh = newId('device');
    localStorage.setItem(DEVICE_KEY, fresh);
    return fresh;
  } catch {
    // No storage (a Node client, a locked-down browser): one id for this run.
    fallback ??= newId('device');
    return fallback;
  }
}
