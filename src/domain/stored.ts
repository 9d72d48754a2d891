/**
 * A domain object as it is stored, with the version tag (SharePoint's eTag) that a
 * write sends back: a write over a newer version is refused, never silently lost.
 */
export type Stored<T> = T & { etag: string };
