import { samplePost } from "@orgo/api-contract/testing";

export const makePostFor = (id: number) => samplePost(id);
