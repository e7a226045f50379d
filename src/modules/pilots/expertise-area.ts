// The areas a pilot (Ehrenamtslotse) answers questions in, with the German word a person reads
// in reasons, mails and activity summaries.
import { registerEnumType } from 'type-graphql';

export enum ExpertiseArea {
  ASSOCIATION_LAW = 'ASSOCIATION_LAW',
  TAX = 'TAX',
  INSURANCE = 'INSURANCE',
  DATA_PROTECTION = 'DATA_PROTECTION',
  FUNDING = 'FUNDING',
  STATUTES = 'STATUTES',
  PUBLIC_RELATIONS = 'PUBLIC_RELATIONS',
  DIGITAL_TOOLS = 'DIGITAL_TOOLS',
  VOLUNTEER_MANAGEMENT = 'VOLUNTEER_MANAGEMENT',
  OTHER = 'OTHER',
}

/** The German name of each area, as people say it. */
export const AREA_NAMES: Record<ExpertiseArea, string> = {
  ASSOCIATION_LAW: 'Vereinsrecht',
  TAX: 'Steuern und Gemeinnützigkeit',
  INSURANCE: 'Versicherungen',
  DATA_PROTECTION: 'Datenschutz',
  FUNDING: 'Fördermittel',
  STATUTES: 'Satzung',
  PUBLIC_RELATIONS: 'Öffentlichkeitsarbeit',
  DIGITAL_TOOLS: 'Digitale Werkzeuge',
  VOLUNTEER_MANAGEMENT: 'Ehrenamtsmanagement',
  OTHER: 'Sonstige Fragen',
};

registerEnumType(ExpertiseArea, {
  name: 'ExpertiseArea',
  description: 'An area of expertise of the pilots (Fachgebiet der Ehrenamtslotsen).',
  valuesConfig: {
    ASSOCIATION_LAW: { description: 'Association law (Vereinsrecht).' },
    TAX: { description: 'Tax and charitable status (Steuern, Gemeinnützigkeit).' },
    INSURANCE: { description: 'Insurance for clubs and helpers (Versicherungen).' },
    DATA_PROTECTION: { description: 'Data protection, GDPR (Datenschutz, DSGVO).' },
    FUNDING: { description: 'Funding and grants (Fördermittel).' },
    STATUTES: { description: 'Statutes (Satzung).' },
    PUBLIC_RELATIONS: { description: 'Public relations (Öffentlichkeitsarbeit).' },
    DIGITAL_TOOLS: { description: 'Digital tools (Digitale Werkzeuge).' },
    VOLUNTEER_MANAGEMENT: { description: 'Volunteer management (Ehrenamtsmanagement).' },
    OTHER: { description: 'Anything else (Sonstiges).' },
  },
});
