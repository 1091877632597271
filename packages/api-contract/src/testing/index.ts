// For tests only (server side): sample DTOs and services that keep no state, to run
// the real router without a database.
export { samplePost } from "./sample-post.js";
export { fakeServices, makePost, testContext } from "./fake-services.js";
