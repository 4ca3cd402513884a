import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deviation } from '../../../../contracts/deviations.ts';
import { isApiError } from '../../../api.ts';
import { acceptCase } from '../api.ts';
import { uploadAttachment } from './api.ts';

export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed';

export interface UploadItem {
  key: number;
  file: File;
  state: UploadState;
  /** the server's message (in the reader's language) when it refused the file */
  error?: string;
}

export interface Uploads {
  items: UploadItem[];
  running: boolean;
  /** "n of m" while running: the file being sent and how many this round sends */
  position: { n: number; m: number } | null;
  /** sends these files, one after another */
  upload: (files: File[]) => Promise<void>;
  /** sends the failed files again */
  retry: () => Promise<void>;
}

/**
 * Sends files to a case one by one (the server takes one per request), keeping each file's outcome.
 * Every answer is the whole case, which replaces the cached one, so lists and pages show the file.
 */
export function useUploads(deviationId: string, onUploaded?: (deviation: Deviation) => void): Uploads {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [position, setPosition] = useState<{ n: number; m: number } | null>(null);
  const nextKey = useRef(0);
  const running = useRef(false);

  const patch = useCallback((key: number, change: Partial<UploadItem>): void => {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const send = useCallback(
    async (batch: UploadItem[]): Promise<void> => {
      if (running.current || batch.length === 0) return;
      running.current = true;
      try {
        for (const [index, item] of batch.entries()) {
          setPosition({ n: index + 1, m: batch.length });
          patch(item.key, { state: 'uploading', error: undefined });
          try {
            const deviation = await uploadAttachment(deviationId, item.file);
            patch(item.key, { state: 'done' });
            await acceptCase(queryClient, deviation);
            onUploaded?.(deviation);
          } catch (error) {
            patch(item.key, {
              state: 'failed',
              error: isApiError(error) ? error.message : t('common.errorUnknown'),
            });
          }
        }
      } finally {
        running.current = false;
        setPosition(null);
      }
    },
    [deviationId, onUploaded, patch, queryClient, t],
  );

  const upload = useCallback(
    async (files: File[]): Promise<void> => {
      const batch = files.map((file) => {
        nextKey.current += 1;
        return { key: nextKey.current, file, state: 'waiting' as const };
      });
      setItems((all) => [...all, ...batch]);
      await send(batch);
    },
    [send],
  );

  const retry = useCallback(async (): Promise<void> => {
    const failed = items.filter((item) => item.state === 'failed');
    setItems((all) => all.map((item) => (item.state === 'failed' ? { ...item, state: 'waiting' } : item)));
    await send(failed);
  }, [items, send]);

  return { items, running: position !== null, position, upload, retry };
}
