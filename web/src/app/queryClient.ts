import { MutationCache, QueryCache, QueryClient, type Mutation, type Query } from '@tanstack/react-query';
import { ApiError } from '../api/http.js';

type ErrorHandler = (error: unknown, meta: Record<string, unknown> | undefined) => void;
let onApiError: ErrorHandler = () => undefined;

/** The shell registers how errors reach the user (it has antd's message API); see SessionWatcher. */
export function setApiErrorHandler(handler: ErrorHandler): () => void {
  onApiError = handler;
  return () => {
    onApiError = () => undefined;
  };
}

const isClientError = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query: Query<unknown, unknown, unknown>) => onApiError(error, query.meta) }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation: Mutation<unknown, unknown, unknown>) => onApiError(error, mutation.meta),
  }),
  defaultOptions: {
    queries: {
      // 4xx answers will not change on a retry; network failures and 5xx get two more tries.
      retry: (count, error) => !isClientError(error) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});
