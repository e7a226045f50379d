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

/**
 * SQL expression: the id of the DISTRICT (Kreis) on the path `pathExpr` ("/1/4/17/"), the
 * region itself included, or NULL when none is (a region at state level, or a kreisfreie Stadt
 * placed directly below the state). A path holds at most one district: levels strictly
 * descend. The ids come from the path, so this is a primary-key lookup.
 */
export function districtOfSql(pathExpr: string): string {
  return `(SELECT d.id FROM region d WHERE d.id = ANY(string_to_array(trim(both '/' from ${pathExpr}), '/')::int[]) AND d.level = 'DISTRICT')`;
}
