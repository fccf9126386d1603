export declare const README: string;
export declare const START: string;
export declare const END: string;
/** The README's migration table as Markdown, from the document's `x-propelauth-sdk.node`. */
export declare function migrationTable(doc: unknown): string;
/** The README with its migration table replaced. */
export declare function withTable(readme: string, table: string): string;
