import { createContext, useContext } from "react";

/** The per-request CSP nonce (server render only; browsers hide it from scripts). */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
