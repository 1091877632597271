import { useSearchParams } from "react-router";

/**
 * A list page's filters in its address (`?status=recruiting&page=2`), so a link, Back,
 * Forward and a reload keep them: read as the page's types, and set one at a time.
 * Setting any filter but `page` goes back to the first page (its pages are another
 * list's). One hook for the pages that each parsed and set these by hand.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  /** The value of `key` when it is one of `options`, else undefined. */
  const oneOf = <T extends string>(key: string, options: readonly T[]): T | undefined =>
    options.find((option) => option === params.get(key));
  /** Sets (or, with null, removes) one filter; any but `page` starts again at the first page. */
  const set = (key: string, value: string | null) =>
    setParams((current) => {
      if (value) current.set(key, value);
      else current.delete(key);
      if (key !== "page") current.delete("page");
      return current;
    });
  /** `?page=` as a page number, 1 when missing or not one. */
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  return { params, setParams, page, oneOf, set };
}
