// The German names of the Ehrenamtslotsen's areas, as the workspace and the widget show them.
import type { ExpertiseArea } from '../generated/graphql';

/** One name per area (the API's ExpertiseArea). */
export const AREA_LABELS: Record<ExpertiseArea, string> = {
  ASSOCIATION_LAW: 'Vereinsrecht',
  DATA_PROTECTION: 'Datenschutz (DSGVO)',
  DIGITAL_TOOLS: 'Digitale Werkzeuge',
  FUNDING: 'Fördermittel',
  INSURANCE: 'Versicherungen',
  OTHER: 'Sonstiges',
  PUBLIC_RELATIONS: 'Öffentlichkeitsarbeit',
  STATUTES: 'Satzung',
  TAX: 'Steuern und Gemeinnützigkeit',
  VOLUNTEER_MANAGEMENT: 'Ehrenamtsmanagement',
};
