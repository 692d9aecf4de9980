import DataLoader from 'dataloader';

const loaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * A DataLoader per request and name: nested fields of a list page are loaded
 * in one batch each instead of once per row. Keyed on the request object, so
 * nothing leaks between requests and no request-scoped provider is needed.
 */
export function requestLoader<V>(
  request: object,
  name: string,
  batch: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let perRequest = loaders.get(request);
  if (!perRequest) {
    perRequest = new Map();
    loaders.set(request, perRequest);
  }
  let loader = perRequest.get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch);
    perRequest.set(name, loader);
  }
  return loader;
}
