/** Edit distance, for "did you mean" on unknown routes. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The documented route nearest to a path, for the 404 answer's "Did you mean …?". */
export function nearestRoute<Route extends { path: string }>(
  path: string,
  routes: readonly Route[],
): Route | undefined {
  let best: Route | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const route of routes) {
    const distance = editDistance(path, route.path);
    if (distance < bestDistance) {
      best = route;
      bestDistance = distance;
    }
  }
  return best;
}
