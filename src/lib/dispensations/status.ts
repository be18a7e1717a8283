/** A dispensation's status against a date: pure, used by the build, `check`, `review` and the reader's browser. */
import { reviewStatus } from '../review/status.ts';

/** Where a dispensation stands: `requested` (draft), in force (`active`, `expiring`), `expired`, or `closed` (retired). */
export type DispensationStatus = 'requested' | 'active' | 'expiring' | 'expired' | 'closed';

/** The folder every dispensation lives in, and its register's site path. */
export const DISPENSATION_FOLDER = 'dispensationer';
/** Site path of the register, relative to the edition's base. */
export const REGISTER_PATH = `${DISPENSATION_FOLDER}/`;
/** Site path of the register as CSV. */
export const REGISTER_CSV_PATH = `${REGISTER_PATH}dispensationer.csv`;

/** The fields the status depends on. */
export interface StatusInput {
  status: 'draft' | 'approved' | 'retired';
  expires?: string | undefined;
}

/** The status on `today`: expiring within `dueSoonDays` of `expires`, expired the day after it. */
export function dispensationStatus(data: StatusInput, today: string, dueSoonDays: number): DispensationStatus {
  if (data.status === 'draft') return 'requested';
  if (data.status === 'retired') return 'closed';
  const review = reviewStatus(data.expires, today, dueSoonDays);
  return review === 'overdue' ? 'expired' : review === 'due-soon' ? 'expiring' : 'active';
}

/** Whether a dispensation with this status is in force, i.e. granted and not yet expired. */
export function inForce(status: DispensationStatus): boolean {
  return status === 'active' || status === 'expiring';
}

/** Register order of the groups. */
export const REGISTER_GROUPS = ['active', 'expiring', 'expired', 'requested'] as const;
