import type { SystemService } from "@orgo/api-contract";
import type { Db } from "@orgo/db";

export function createSystemService({ db }: { db: Db }): SystemService {
  return {
    async ready() {
      try {
        await db.$queryRaw`select 1`;
        return true;
      } catch {
        return false;
      }
    },
  };
}
