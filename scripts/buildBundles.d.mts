export declare const PAGES: readonly string[];
export declare function buildBundles(outDir: string, options?: { preload?: boolean }): Promise<void>;
