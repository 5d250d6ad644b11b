import { useQuery } from '@tanstack/react-query';
import { api } from './http.js';
import type { ApiResponse, ItemOf } from './generated/openapi.js';

/** 工作台: the caller's name and place, and a block of to-do counts for each of its roles. */
export type Workbench = ApiResponse<'GET /api/v1/workbench'>;
export type WorkbenchBlock = ItemOf<Workbench['blocks']>;
export type WorkbenchItem = ItemOf<WorkbenchBlock['items']>;
export type WorkbenchItemKey = WorkbenchItem['key'];

/** Counts move as people work: what the page shows is at most this old while it is open. */
const REFRESH_MS = 60_000;

export function useWorkbench() {
  return useQuery({
    queryKey: ['workbench'],
    queryFn: ({ signal }) => api<Workbench>('/workbench', { signal }),
    refetchInterval: REFRESH_MS,
  });
}
