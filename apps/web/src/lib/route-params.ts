import { useParams } from "react-router";
import { HANDLE_PATTERN } from "@orgo/api-contract/constants";

/**
 * Thrown while rendering a page whose address names something that cannot exist
 * (`/posts/abc`, `/studies/0/edit`, `/settings/nope`): the shell's boundary shows the
 * not-found view for it, and it is not reported as a crash.
 */
export class AddressNotFound extends Error {
  constructor(what: string) {
    super(`No page at this address (${what})`);
    this.name = "AddressNotFound";
  }
}

const ID = /^[1-9][0-9]{0,14}$/;

/** A positive whole id written in an address (a path segment, `#comment-<id>`), else null. */
export function idIn(text: string | undefined): number | null {
  return text !== undefined && ID.test(text) ? Number(text) : null;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The numeric id `name` of the address: null when the route has none, and the
 * not-found view when it is not a positive whole number. Pages read ids through this
 * (never `Number(param)`): NaN compares unequal to itself, which is how `/posts/abc`
 * once looped its list's selection into "too many re-renders".
 */
export function useIdParam(name: string): number | null {
  const raw = useParams()[name];
  if (raw === undefined) return null;
  const id = idIn(raw);
  if (id === null) throw new AddressNotFound(`${name}=${raw}`);
  return id;
}

/** A person's id (a UUID) in the address, as useIdParam. */
export function useUuidParam(name: string): string | null {
  const raw = useParams()[name];
  if (raw === undefined) return null;
  if (!UUID.test(raw)) throw new AddressNotFound(`${name}=${raw}`);
  return raw.toLowerCase();
}

/** A handle in the address (`/u/Sara` is Sara's), as useIdParam. */
export function useHandleParam(name: string): string {
  const raw = (useParams()[name] ?? "").toLowerCase();
  if (!HANDLE_PATTERN.test(raw)) throw new AddressNotFound(`${name}=${raw}`);
  return raw;
}

/** One of a page's known sections (`/settings/<section>`), null for none, as useIdParam. */
export function useSectionParam<T extends string>(name: string, known: readonly T[]): T | null {
  const raw = useParams()[name];
  if (raw === undefined) return null;
  const section = known.find((s) => s === raw);
  if (!section) throw new AddressNotFound(`${name}=${raw}`);
  return section;
}
