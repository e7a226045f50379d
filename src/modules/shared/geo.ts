// Coordinates and "near" in SQL: the location check, the bounding box and the great-circle
// distance every module with latitude/longitude columns uses.
import { BadUserInputError } from '../../graphql/errors';

export interface GeoInput {
  latitude: number;
  longitude: number;
}

export interface NearFilter {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

const KM_PER_DEGREE = 111.045;
const EARTH_RADIUS_KM = 6371;

export function validLocation(
  loc: GeoInput | null | undefined,
  field = 'location',
): GeoInput | null {
  if (loc == null) return null;
  const { latitude, longitude } = loc;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw new BadUserInputError('latitude must be between -90 and 90', `${field}.latitude`);
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw new BadUserInputError('longitude must be between -180 and 180', `${field}.longitude`);
  }
  return { latitude, longitude };
}

/** Half-sides in degrees of the box around `latitude` that holds every point within `radiusKm`. */
export function nearBox(latitude: number, radiusKm: number): { dLat: number; dLon: number } {
  const cos = Math.max(Math.cos((latitude * Math.PI) / 180), 0.01);
  return { dLat: radiusKm / KM_PER_DEGREE, dLon: radiusKm / (KM_PER_DEGREE * cos) };
}

/** Great-circle distance in km between two points; null when either has no location. */
export function haversineKm(
  a: { latitude: number | null; longitude: number | null },
  b: { latitude: number | null; longitude: number | null },
): number | null {
  if (a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null)
    return null;
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) *
      Math.cos(rad(b.latitude)) *
      Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in km between row `alias` and ($lat, $lon) parameters. */
export function haversineSql(alias: string, latParam: number, lonParam: number): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(
    power(sin(radians(${alias}.latitude - $${latParam}::float8) / 2), 2)
    + cos(radians($${latParam}::float8)) * cos(radians(${alias}.latitude))
      * power(sin(radians(${alias}.longitude - $${lonParam}::float8) / 2), 2))))`;
}

/** Great-circle distance between two rows with latitude/longitude columns; null if either lacks them. */
export function haversineColumnsSql(a: string, b: string): string {
  return `CASE WHEN ${a}.latitude IS NULL OR ${b}.latitude IS NULL THEN NULL ELSE (2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${b}.latitude - ${a}.latitude) / 2), 2)
    + cos(radians(${a}.latitude)) * cos(radians(${b}.latitude))
      * power(sin(radians(${b}.longitude - ${a}.longitude) / 2), 2))))) END`;
}

/** Bounding box (index-friendly on (latitude, longitude)) plus the exact haversine test. */
export function nearSql(alias: string, near: NearFilter, params: unknown[]): string {
  if (!Number.isFinite(near.radiusKm) || near.radiusKm <= 0 || near.radiusKm > 1000) {
    throw new BadUserInputError(
      'near.radiusKm must be greater than 0 and at most 1000',
      'near.radiusKm',
    );
  }
  if (!Number.isFinite(near.latitude) || Math.abs(near.latitude) > 90) {
    throw new BadUserInputError('near.latitude must be between -90 and 90', 'near.latitude');
  }
  if (!Number.isFinite(near.longitude) || Math.abs(near.longitude) > 180) {
    throw new BadUserInputError('near.longitude must be between -180 and 180', 'near.longitude');
  }
  const box = nearBox(near.latitude, near.radiusKm);
  params.push(near.latitude, near.longitude, near.radiusKm, box.dLat, Math.min(box.dLon, 180));
  const n = params.length;
  const [lat, lon, r, dla, dlo] = [n - 4, n - 3, n - 2, n - 1, n];
  return `${alias}.latitude BETWEEN $${lat}::float8 - $${dla}::float8 AND $${lat}::float8 + $${dla}::float8
    AND ${alias}.longitude BETWEEN $${lon}::float8 - $${dlo}::float8 AND $${lon}::float8 + $${dlo}::float8
    AND ${haversineSql(alias, lat, lon)} <= $${r}::float8`;
}
