/** The commit this build was made from (vite.config.ts), named in error reports. */
declare const __ORGO_RELEASE__: string;
