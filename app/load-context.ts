// What the Express layer hands every loader and action.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientAddress: string;
    cspNonce: string;
    /** A request for a page's HTML (not a client-side navigation's `.data`): the root leaves the catalog out of the data stream (app/i18n/page-catalog.ts). */
    documentRequest?: boolean;
    /** Set for a request the page cache may store: the loaders name the data their page shows (app/utils/page-pieces.server.ts). */
    pageDeps?: string[];
  }
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
