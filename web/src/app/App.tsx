import { Suspense } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { LocaleProvider } from './locale/LocaleProvider.js';
import { queryClient } from './queryClient.js';
import { router } from './router.js';
import { FullPageSpin } from './ui/FullPageSpin.js';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        {/* The console's frame and sign-in page load on first use (router.tsx); this shows while they arrive. */}
        <Suspense fallback={<FullPageSpin />}>
          <RouterProvider router={router} />
        </Suspense>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
