// Regions form a tree kept as a materialized path ("/1/4/17/": ancestors first, the region
// itself last). Every module that scopes by region reads it through these two helpers.

/** Path string "/1/4/17/" to ancestor ids [1, 4, 17]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/**
 * SQL fragment: `column` lies in region $param or any region below it. One indexed lookup on
 * the materialized path, however deep the tree.
 */
export function inRegionSql(column: string, param: number): string {
  return `${column} IN (SELECT sub.id FROM region sub WHERE sub.path LIKE (SELECT r.path FROM region r WHERE r.id = $${param}) || '%')`;
}
