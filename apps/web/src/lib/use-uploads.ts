import { useRef, useState } from "react";

/** One file on its way up, done, or refused. */
export interface Upload<T> {
  key: string;
  name: string;
  /** A picture's preview from this device while it uploads. */
  preview: string | null;
  progress: number;
  /** What the server answered, once it has. */
  result: T | null;
  /** Why it was refused (shown with describeError, so in the reader's language). */
  error: unknown;
}

type Send<T> = (file: File, onProgress: (fraction: number) => void) => Promise<T>;

/**
 * Files that upload as soon as they are picked, dropped or pasted, each with its
 * progress: the post composer's pictures and files, and the chat's attachments. A
 * finished upload stays in the list with its result (the chat sends them with the
 * message), or leaves it for `onDone` to take (the post composer's draft keeps them).
 */
export function useUploads<T>() {
  const [items, setItems] = useState<Upload<T>[]>([]);
  // Each preview's object URL by key, released outside React's state updaters (which
  // must stay pure: React may run them twice) and read fresh by a later callback.
  const previews = useRef(new Map<string, string>());
  const release = (key: string) => {
    const url = previews.current.get(key);
    if (url) URL.revokeObjectURL(url);
    previews.current.delete(key);
  };
  const update = (key: string, change: Partial<Upload<T>>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const drop = (key: string) => {
    release(key);
    setItems((list) => list.filter((item) => item.key !== key));
  };

  const start = (
    file: File,
    send: Send<T>,
    options: { preview?: boolean; refusal?: string | null; onDone?: (result: T) => void } = {},
  ) => {
    const key = crypto.randomUUID();
    const preview = options.preview ? URL.createObjectURL(file) : null;
    if (preview) previews.current.set(key, preview);
    const refused = options.refusal ? new Error(options.refusal) : null;
    setItems((list) => [...list, { key, name: file.name, preview, progress: 0, result: null, error: refused }]);
    if (refused) return;
    send(file, (progress) => update(key, { progress })).then(
      (result) => {
        if (!options.onDone) return update(key, { result, progress: 1 });
        options.onDone(result);
        drop(key);
      },
      (error: unknown) => update(key, { error: error ?? new Error("upload failed") }),
    );
  };

  const clear = () => {
    for (const key of [...previews.current.keys()]) release(key);
    setItems([]);
  };
  return {
    items,
    start,
    drop,
    clear,
    /** Some file is still on its way (a form waits for it before sending). */
    pending: items.some((item) => item.result === null && !item.error),
  };
}
