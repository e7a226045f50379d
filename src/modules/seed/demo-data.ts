/**
 * BEISPIELDATEN (FIKTIV) – SAMPLE DATA
 *
 * Demo network for Amt Büsum-Wesselburen (Kreis Dithmarschen, Schleswig-Holstein).
 * Region names and approximate coordinates are real; all actors, persons, contact data,
 * cooperations, needs and offers are fictional and exist only for demonstration purposes.
 * E-mail addresses use the reserved domain example.org.
 */

export const DEMO_DATA_NOTE = 'Beispieldaten (fiktiv) – Sample data';

export type RegionLevel = 'STATE' | 'DISTRICT' | 'AMT' | 'MUNICIPALITY' | 'VILLAGE';

export interface SeedRegion {
  key: string;
  name: string;
  level: RegionLevel;
  parentKey: string | null;
  officialKey?: string;
}

export type ActorKind =
  | 'SCHOOL'
  | 'CLUB'
  | 'INITIATIVE'
  | 'NETWORK_ROLE'
  | 'MUNICIPALITY'
  | 'VOLUNTEER_AGENCY'
  | 'COMPANY'
  | 'FOUNDATION'
  | 'ADVISORY_BOARD'
  | 'FIRE_BRIGADE'
  | 'RELIGIOUS_COMMUNITY'
  | 'OTHER';

export interface SeedActor {
  key: string;
  kind: ActorKind;
  name: string;
  description?: string;
  regionKey: string;
  topics: string[];
  website?: string;
  latitude?: number;
  longitude?: number;
  email?: string;
  phone?: string;
  address?: string;
  /** SCHOOL only */
  schoolType?: string;
  /** SCHOOL only */
  pupilCount?: number;
  /** CLUB only */
  memberCount?: number;
  /** CLUB only */
  registeredAssociation?: boolean;
  /** CLUB only */
  openBoardPositions?: string[];
  /** INITIATIVE only, 'YYYY-MM-DD' */
  foundedOn?: string;
  /** NETWORK_ROLE only (required there) */
  roleTitle?: string;
  /** NETWORK_ROLE only */
  hostedByKey?: string;
}

export type CooperationKind =
  | 'PARTNERSHIP'
  | 'SCHOOL_COOPERATION'
  | 'SHARED_PROJECT'
  | 'SPONSORSHIP'
  | 'UMBRELLA_MEMBERSHIP'
  | 'RESOURCE_SHARING';

export type CooperationStatus = 'PROPOSED' | 'ACTIVE' | 'ENDED';

export interface SeedCooperation {
  kind: CooperationKind;
  status: CooperationStatus;
  title: string;
  description?: string;
  participantKeys: string[];
  startedOn?: string;
  endedOn?: string;
}

export type NeedKind =
  | 'HELPERS'
  | 'EQUIPMENT'
  | 'ROOM'
  | 'EXPERTISE'
  | 'TRANSPORT'
  | 'FUNDING'
  | 'BOARD_POSITION'
  | 'OTHER';

export interface SeedNeed {
  key: string;
  actorKey: string;
  kind: NeedKind;
  title: string;
  description?: string;
  quantity: number;
  unit?: string;
  urgency: 'LOW' | 'NORMAL' | 'HIGH';
  visibility: 'PUBLIC' | 'NETWORK';
  tags: string[];
  /** days relative to "now" when seeding, may be fractional; undefined = none */
  startsInDays?: number;
  durationHours?: number;
  deadlineInDays?: number;
  pledges: Array<{
    byActorKey?: string;
    volunteerName?: string;
    volunteerEmail?: string;
    quantity: number;
    status: 'PENDING' | 'CONFIRMED' | 'DECLINED' | 'WITHDRAWN';
    note?: string;
  }>;
  closed?: boolean;
}

export type OfferKind = 'HELPERS' | 'EQUIPMENT' | 'ROOM' | 'EXPERTISE' | 'TRANSPORT' | 'OTHER';

export interface SeedOffer {
  key: string;
  actorKey: string;
  kind: OfferKind;
  title: string;
  description?: string;
  quantity?: number;
  unit?: string;
  tags: string[];
  visibility: 'PUBLIC' | 'NETWORK';
  availableFromInDays?: number;
  availableUntilInDays?: number;
}

// ---------------------------------------------------------------------------
// Regions (real names; official keys only where reliably known)
// ---------------------------------------------------------------------------

export const DEMO_REGIONS: SeedRegion[] = [
  { key: 'sh', name: 'Schleswig-Holstein', level: 'STATE', parentKey: null, officialKey: '01' },
  {
    key: 'dithmarschen',
    name: 'Kreis Dithmarschen',
    level: 'DISTRICT',
    parentKey: 'sh',
    officialKey: '01051',
  },
  { key: 'amt-bw', name: 'Amt Büsum-Wesselburen', level: 'AMT', parentKey: 'dithmarschen' },
  { key: 'buesum', name: 'Büsum', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  {
    key: 'buesumer-deichhausen',
    name: 'Büsumer Deichhausen',
    level: 'MUNICIPALITY',
    parentKey: 'amt-bw',
  },
  {
    key: 'friedrichsgabekoog',
    name: 'Friedrichsgabekoog',
    level: 'MUNICIPALITY',
    parentKey: 'amt-bw',
  },
  { key: 'hedwigenkoog', name: 'Hedwigenkoog', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  {
    key: 'hhu',
    name: 'Hellschen-Heringsand-Unterschaar',
    level: 'MUNICIPALITY',
    parentKey: 'amt-bw',
  },
  { key: 'hillgroven', name: 'Hillgroven', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  { key: 'norddeich', name: 'Norddeich', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  {
    key: 'oesterdeichstrich',
    name: 'Oesterdeichstrich',
    level: 'MUNICIPALITY',
    parentKey: 'amt-bw',
  },
  { key: 'oesterwurth', name: 'Oesterwurth', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  { key: 'reinsbuettel', name: 'Reinsbüttel', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  { key: 'schuelp', name: 'Schülp', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  { key: 'struebbel', name: 'Strübbel', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  { key: 'suederdeich', name: 'Süderdeich', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  { key: 'warwerort', name: 'Warwerort', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  { key: 'wesselburen', name: 'Wesselburen', level: 'MUNICIPALITY', parentKey: 'amt-bw' },
  {
    key: 'wesselburener-deichhausen',
    name: 'Wesselburener Deichhausen',
    level: 'MUNICIPALITY',
    parentKey: 'amt-bw',
  },
  {
    key: 'wesselburenerkoog',
    name: 'Wesselburenerkoog',
    level: 'MUNICIPALITY',
    parentKey: 'amt-bw',
  },
  {
    key: 'westerdeichstrich',
    name: 'Westerdeichstrich',
    level: 'MUNICIPALITY',
    parentKey: 'amt-bw',
  },
  { key: 'hellschen', name: 'Hellschen', level: 'VILLAGE', parentKey: 'hhu' },
  { key: 'heringsand', name: 'Heringsand', level: 'VILLAGE', parentKey: 'hhu' },
  { key: 'unterschaar', name: 'Unterschaar', level: 'VILLAGE', parentKey: 'hhu' },
  { key: 'stinteck', name: 'Stinteck', level: 'VILLAGE', parentKey: 'westerdeichstrich' },
];

// ---------------------------------------------------------------------------
// Actors (fictional)
// ---------------------------------------------------------------------------

export const DEMO_ACTORS: SeedActor[] = [
  // --- Amt, Gemeinden ------------------------------------------------------
  {
    key: 'amt-bw-verwaltung',
    kind: 'MUNICIPALITY',
    name: 'Amt Büsum-Wesselburen',
    description: 'Amtsverwaltung für 18 Gemeinden; Anlaufstelle für Ehrenamt, Bildung und Vereine.',
    regionKey: 'amt-bw',
    topics: ['ehrenamt', 'bildung', 'digitales'],
    latitude: 54.1335,
    longitude: 8.8611,
    email: 'info@amt-bw.example.org',
    phone: '04834 000-0',
    address: 'Am Rathaus 1, 25761 Büsum',
  },
  {
    key: 'gemeinde-buesum',
    kind: 'MUNICIPALITY',
    name: 'Gemeinde Büsum',
    description: 'Gemeinde Büsum mit Hafen, Museumshafen und Familienlagune.',
    regionKey: 'buesum',
    topics: ['tourismus', 'kultur', 'ehrenamt'],
    latitude: 54.1327,
    longitude: 8.8583,
    email: 'gemeinde@buesum.example.org',
  },
  {
    key: 'stadt-wesselburen',
    kind: 'MUNICIPALITY',
    name: 'Stadt Wesselburen',
    description: 'Kleinste Stadt im Amt, bekannt für Kohlanbau und den Marktplatz.',
    regionKey: 'wesselburen',
    topics: ['kultur', 'heimat', 'ehrenamt'],
    latitude: 54.2121,
    longitude: 8.9246,
    email: 'stadt@wesselburen.example.org',
  },
  {
    key: 'gemeinde-westerdeichstrich',
    kind: 'MUNICIPALITY',
    name: 'Gemeinde Westerdeichstrich',
    description: 'Küstengemeinde nördlich von Büsum mit Campingplätzen und Badestelle.',
    regionKey: 'westerdeichstrich',
    topics: ['tourismus', 'natur'],
    latitude: 54.1548,
    longitude: 8.8752,
  },
  // --- Network roles -------------------------------------------------------
  {
    key: 'rolle-ehrenamtskoordination',
    kind: 'NETWORK_ROLE',
    name: 'Ehrenamtskoordinator Amt Büsum-Wesselburen',
    description: 'Vernetzt Vereine und Initiativen, berät zu Ehrenamt, Versicherung und Förderung.',
    regionKey: 'amt-bw',
    topics: ['ehrenamt', 'digitales'],
    email: 'ehrenamt@amt-bw.example.org',
    roleTitle: 'Ehrenamtskoordinator',
    hostedByKey: 'amt-bw-verwaltung',
  },
  {
    key: 'rolle-schulkoordination',
    kind: 'NETWORK_ROLE',
    name: 'Schulkoordinatorin',
    description: 'Koordiniert Kooperationen zwischen Schulen und außerschulischen Partnern im Amt.',
    regionKey: 'amt-bw',
    topics: ['bildung', 'jugend'],
    email: 'schulkoordination@amt-bw.example.org',
    roleTitle: 'Schulkoordinatorin',
    hostedByKey: 'amt-bw-verwaltung',
  },
  {
    key: 'rolle-bildungsmanagement',
    kind: 'NETWORK_ROLE',
    name: 'Bildungsmanagerin',
    description:
      'Kommunales Bildungsmanagement: Bildungsangebote sichtbar machen und Lücken schließen.',
    regionKey: 'amt-bw',
    topics: ['bildung', 'digitales', 'integration'],
    email: 'bildung@amt-bw.example.org',
    roleTitle: 'Bildungsmanagerin',
    hostedByKey: 'amt-bw-verwaltung',
  },
  {
    key: 'rolle-bildungskette',
    kind: 'NETWORK_ROLE',
    name: 'Bildungskette',
    description: 'Gestaltet Übergänge von der Kita über die Schule bis in Ausbildung und Beruf.',
    regionKey: 'amt-bw',
    topics: ['bildung', 'kinder', 'jugend'],
    email: 'bildungskette@amt-bw.example.org',
    roleTitle: 'Koordination Bildungskette',
    hostedByKey: 'amt-bw-verwaltung',
  },
  // --- Agency, foundation, companies ---------------------------------------
  {
    key: 'freiwilligenagentur',
    kind: 'VOLUNTEER_AGENCY',
    name: 'Freiwilligenagentur Büsum-Wesselburen',
    description: 'Vermittelt Freiwillige an Vereine und Initiativen, bietet Schulungen an.',
    regionKey: 'buesum',
    topics: ['ehrenamt', 'integration', 'senioren'],
    latitude: 54.1341,
    longitude: 8.8602,
    email: 'kontakt@freiwillig-bw.example.org',
    address: 'Alleestraße 10, 25761 Büsum',
  },
  {
    key: 'buergerstiftung',
    kind: 'FOUNDATION',
    name: 'Bürgerstiftung Büsum-Wesselburen',
    description:
      'Fördert kleine Projekte für Jugend, Senioren und Kultur in allen Gemeinden des Amtes.',
    regionKey: 'buesum',
    topics: ['ehrenamt', 'jugend', 'senioren', 'kultur'],
    latitude: 54.1319,
    longitude: 8.8627,
    email: 'stiftung@buergerstiftung-bw.example.org',
  },
  {
    key: 'firma-kutterhof',
    kind: 'COMPANY',
    name: 'Kutterhof Fischhandel GmbH',
    description:
      'Fischhandel am Büsumer Hafen, unterstützt Vereine mit Sponsoring und Sachspenden.',
    regionKey: 'buesum',
    topics: ['tourismus', 'sport'],
    latitude: 54.1285,
    longitude: 8.8605,
    email: 'info@kutterhof.example.org',
  },
  {
    key: 'firma-kohlhof',
    kind: 'COMPANY',
    name: 'Kohlhof Wesselburenerkoog GmbH',
    description:
      'Landwirtschaftlicher Betrieb mit Kohlanbau, stellt Anhänger und Flächen zur Verfügung.',
    regionKey: 'wesselburenerkoog',
    topics: ['landwirtschaft', 'heimat'],
    latitude: 54.2268,
    longitude: 8.8845,
    email: 'hof@kohlhof.example.org',
  },
  // --- Schools --------------------------------------------------------------
  {
    key: 'gs-buesum',
    kind: 'SCHOOL',
    name: 'Grundschule Büsum',
    description: 'Offene Ganztagsgrundschule mit Schwerpunkt Meer und Natur.',
    regionKey: 'buesum',
    topics: ['bildung', 'kinder', 'natur'],
    latitude: 54.1352,
    longitude: 8.8644,
    email: 'grundschule@buesum.example.org',
    schoolType: 'Grundschule',
    pupilCount: 215,
  },
  {
    key: 'gems-buesum',
    kind: 'SCHOOL',
    name: 'Gemeinschaftsschule Büsum',
    description: 'Gemeinschaftsschule mit Berufsorientierung und Wassersport-Profil.',
    regionKey: 'buesum',
    topics: ['bildung', 'jugend', 'wassersport'],
    latitude: 54.1371,
    longitude: 8.8669,
    email: 'gems@buesum.example.org',
    schoolType: 'Gemeinschaftsschule',
    pupilCount: 430,
  },
  {
    key: 'gs-wesselburen',
    kind: 'SCHOOL',
    name: 'Grundschule Wesselburen',
    description: 'Verlässliche Grundschule mit Schulgarten und Leseclub.',
    regionKey: 'wesselburen',
    topics: ['bildung', 'kinder', 'natur'],
    latitude: 54.2139,
    longitude: 8.9221,
    email: 'grundschule@wesselburen.example.org',
    schoolType: 'Grundschule',
    pupilCount: 185,
  },
  {
    key: 'gems-wesselburen',
    kind: 'SCHOOL',
    name: 'Gemeinschaftsschule Wesselburen',
    description: 'Gemeinschaftsschule mit Ganztagsangeboten und Schülerfirma.',
    regionKey: 'wesselburen',
    topics: ['bildung', 'jugend', 'digitales'],
    latitude: 54.2108,
    longitude: 8.9283,
    email: 'gems@wesselburen.example.org',
    schoolType: 'Gemeinschaftsschule',
    pupilCount: 395,
  },
  {
    key: 'gs-reinsbuettel',
    kind: 'SCHOOL',
    name: 'Dörfergrundschule Reinsbüttel',
    description: 'Kleine Grundschule für die umliegenden Dörfer.',
    regionKey: 'reinsbuettel',
    topics: ['bildung', 'kinder'],
    latitude: 54.2012,
    longitude: 8.9512,
    email: 'schule@reinsbuettel.example.org',
    schoolType: 'Grundschule',
    pupilCount: 92,
  },
  // --- Sports clubs ---------------------------------------------------------
  {
    key: 'sv-buesum',
    kind: 'CLUB',
    name: 'Sportverein Büsum',
    description: 'Mehrspartenverein mit Fußball, Handball, Turnen und Gesundheitssport.',
    regionKey: 'buesum',
    topics: ['sport', 'jugend', 'gesundheit'],
    latitude: 54.1378,
    longitude: 8.8701,
    email: 'vorstand@sv-buesum.example.org',
    memberCount: 820,
    registeredAssociation: true,
    openBoardPositions: ['Kassenwart/in'],
  },
  {
    key: 'tsv-wesselburen',
    kind: 'CLUB',
    name: 'Sportverein Wesselburen',
    description: 'Fußball, Leichtathletik, Tischtennis und Kinderturnen.',
    regionKey: 'wesselburen',
    topics: ['sport', 'jugend', 'kinder'],
    latitude: 54.2152,
    longitude: 8.9301,
    email: 'info@sv-wesselburen.example.org',
    memberCount: 640,
    registeredAssociation: true,
    openBoardPositions: ['Schriftführer/in', 'Jugendwart/in'],
  },
  {
    key: 'sv-reinsbuettel',
    kind: 'CLUB',
    name: 'SV Reinsbüttel',
    description: 'Dorfsportverein mit Fußball und Gymnastik.',
    regionKey: 'reinsbuettel',
    topics: ['sport', 'senioren'],
    latitude: 54.2021,
    longitude: 8.9498,
    memberCount: 230,
    registeredAssociation: true,
  },
  {
    key: 'reitverein',
    kind: 'CLUB',
    name: 'Reit- und Fahrverein Wesselburen und Umgebung',
    description: 'Reitunterricht, Voltigieren und jährliches Sommerturnier.',
    regionKey: 'wesselburener-deichhausen',
    topics: ['sport', 'jugend', 'natur'],
    latitude: 54.2243,
    longitude: 8.9166,
    memberCount: 145,
    registeredAssociation: true,
    openBoardPositions: ['Kassenwart/in'],
  },
  {
    key: 'segelclub',
    kind: 'CLUB',
    name: 'Segelclub Büsum',
    description: 'Segeln im Wattenmeer, Jugendabteilung mit Optimisten und Jollen.',
    regionKey: 'buesum',
    topics: ['wassersport', 'jugend', 'sport'],
    latitude: 54.1262,
    longitude: 8.8578,
    email: 'hafen@segelclub-buesum.example.org',
    memberCount: 210,
    registeredAssociation: true,
  },
  {
    key: 'tennisclub',
    kind: 'CLUB',
    name: 'Tennisclub Büsumer Deichhausen',
    description: 'Vier Sandplätze, Kinder- und Seniorentraining.',
    regionKey: 'buesumer-deichhausen',
    topics: ['sport', 'senioren'],
    latitude: 54.1431,
    longitude: 8.8832,
    memberCount: 160,
    registeredAssociation: true,
  },
  {
    key: 'bosselverein',
    kind: 'CLUB',
    name: 'Boßelverein Strübbel',
    description: 'Traditioneller Boßel- und Klootschießerverein.',
    regionKey: 'struebbel',
    topics: ['sport', 'heimat'],
    latitude: 54.2301,
    longitude: 8.9905,
    memberCount: 55,
    registeredAssociation: false,
  },
  {
    key: 'kreissportverband',
    kind: 'CLUB',
    name: 'Kreissportverband Dithmarschen',
    description: 'Dachverband der Sportvereine im Kreis.',
    regionKey: 'dithmarschen',
    topics: ['sport', 'ehrenamt'],
    email: 'info@ksv-dithmarschen.example.org',
    memberCount: 120,
    registeredAssociation: true,
  },
  {
    key: 'dlrg',
    kind: 'CLUB',
    name: 'DLRG-Ortsgruppe Büsum',
    description: 'Wasserrettung am Strand, Schwimmausbildung für Kinder.',
    regionKey: 'buesum',
    topics: ['wassersport', 'rettung', 'kinder'],
    latitude: 54.1299,
    longitude: 8.8525,
    email: 'og@dlrg-buesum.example.org',
    memberCount: 310,
    registeredAssociation: true,
    openBoardPositions: ['Schriftführer/in'],
  },
  // --- Culture, heritage, social clubs -------------------------------------
  {
    key: 'shanty-chor',
    kind: 'CLUB',
    name: 'Shanty-Chor Büsum',
    description: 'Seemannslieder bei Hafenfesten und Konzerten.',
    regionKey: 'buesum',
    topics: ['musik', 'kultur', 'heimat'],
    latitude: 54.1309,
    longitude: 8.8598,
    memberCount: 38,
    registeredAssociation: true,
  },
  {
    key: 'spielmannszug',
    kind: 'CLUB',
    name: 'Spielmannszug Wesselburen',
    description: 'Begleitet Laternenumzüge und Umzüge im ganzen Amt.',
    regionKey: 'wesselburen',
    topics: ['musik', 'jugend', 'heimat'],
    latitude: 54.2117,
    longitude: 8.9262,
    memberCount: 42,
    registeredAssociation: true,
  },
  {
    key: 'landfrauen',
    kind: 'CLUB',
    name: 'Landfrauenverein Wesselburen und Umgebung',
    description: 'Vorträge, Kochkurse und Kuchenbuffets für Dorffeste.',
    regionKey: 'wesselburen',
    topics: ['landwirtschaft', 'bildung', 'heimat'],
    latitude: 54.2129,
    longitude: 8.9239,
    memberCount: 180,
    registeredAssociation: true,
  },
  {
    key: 'heimatverein-buesum',
    kind: 'CLUB',
    name: 'Heimatverein Büsum',
    description: 'Pflegt Plattdeutsch, Ortsgeschichte und Museumsarbeit.',
    regionKey: 'buesum',
    topics: ['heimat', 'kultur'],
    latitude: 54.1331,
    longitude: 8.8571,
    memberCount: 95,
    registeredAssociation: true,
    openBoardPositions: ['Kassenwart/in'],
  },
  {
    key: 'heimatverein-schuelp',
    kind: 'CLUB',
    name: 'Heimat- und Kulturverein Schülp',
    description: 'Dorfchronik, Klönschnack und Dorfbücherei.',
    regionKey: 'schuelp',
    topics: ['heimat', 'kultur', 'senioren'],
    latitude: 54.2398,
    longitude: 8.9612,
    memberCount: 48,
    registeredAssociation: true,
  },
  {
    key: 'kulturkreis-wesselburen',
    kind: 'CLUB',
    name: 'Kulturkreis Wesselburen',
    description: 'Lesungen, Konzerte und Theater im Gemeindehaus.',
    regionKey: 'wesselburen',
    topics: ['kultur', 'musik', 'bildung'],
    latitude: 54.2126,
    longitude: 8.9254,
    memberCount: 72,
    registeredAssociation: true,
  },
  {
    key: 'imkerverein',
    kind: 'CLUB',
    name: 'Imkerverein Wesselburenerkoog',
    description: 'Bienenhaltung, Honigmarkt und Blühstreifen im Koog.',
    regionKey: 'wesselburenerkoog',
    topics: ['natur', 'landwirtschaft'],
    latitude: 54.2281,
    longitude: 8.8799,
    memberCount: 31,
    registeredAssociation: true,
  },
  {
    key: 'tafel',
    kind: 'CLUB',
    name: 'Tafel Büsum-Wesselburen',
    description: 'Lebensmittelausgabe zweimal wöchentlich in Büsum und Wesselburen.',
    regionKey: 'buesum',
    topics: ['tafel', 'ehrenamt', 'integration'],
    latitude: 54.1347,
    longitude: 8.8655,
    email: 'ausgabe@tafel-bw.example.org',
    memberCount: 64,
    registeredAssociation: true,
    openBoardPositions: ['Schriftführer/in'],
  },
  {
    key: 'buergerbus',
    kind: 'CLUB',
    name: 'Bürgerbus Wesselburen',
    description: 'Ehrenamtliche Fahrerinnen und Fahrer verbinden die Dörfer mit Wesselburen.',
    regionKey: 'wesselburen',
    topics: ['senioren', 'ehrenamt', 'mobilitaet'],
    latitude: 54.2133,
    longitude: 8.9272,
    memberCount: 27,
    registeredAssociation: true,
  },
  {
    key: 'dorfgemeinschaft-suederdeich',
    kind: 'CLUB',
    name: 'Dorfgemeinschaft Süderdeich',
    description: 'Organisiert Dorffest, Osterfeuer und Seniorenkaffee.',
    regionKey: 'suederdeich',
    topics: ['heimat', 'senioren', 'ehrenamt'],
    latitude: 54.2155,
    longitude: 8.9522,
    memberCount: 88,
    registeredAssociation: true,
  },
  // --- Advisory boards -----------------------------------------------------
  {
    key: 'seniorenbeirat',
    kind: 'ADVISORY_BOARD',
    name: 'Seniorenbeirat Büsum',
    description: 'Interessenvertretung der älteren Generation gegenüber der Gemeinde.',
    regionKey: 'buesum',
    topics: ['senioren', 'mobilitaet', 'digitales'],
    email: 'seniorenbeirat@buesum.example.org',
  },
  {
    key: 'jugendbeirat',
    kind: 'ADVISORY_BOARD',
    name: 'Kinder- und Jugendbeirat Wesselburen',
    description: 'Gewählte Jugendliche beraten die Stadt bei Jugendthemen.',
    regionKey: 'wesselburen',
    topics: ['jugend', 'kinder'],
  },
  // --- Fire brigades -------------------------------------------------------
  {
    key: 'ff-buesum',
    kind: 'FIRE_BRIGADE',
    name: 'Freiwillige Feuerwehr Büsum',
    description: 'Stützpunktwehr mit rund 60 aktiven Mitgliedern.',
    regionKey: 'buesum',
    topics: ['brandschutz', 'rettung', 'ehrenamt'],
    latitude: 54.1362,
    longitude: 8.8621,
    email: 'wehrfuehrung@ff-buesum.example.org',
  },
  {
    key: 'jf-buesum',
    kind: 'FIRE_BRIGADE',
    name: 'Jugendfeuerwehr Büsum',
    description: 'Nachwuchs der Feuerwehr ab 10 Jahren, hilft gern bei Festen.',
    regionKey: 'buesum',
    topics: ['brandschutz', 'jugend'],
    latitude: 54.1362,
    longitude: 8.8621,
  },
  {
    key: 'ff-wesselburen',
    kind: 'FIRE_BRIGADE',
    name: 'Freiwillige Feuerwehr Wesselburen',
    regionKey: 'wesselburen',
    topics: ['brandschutz', 'rettung', 'ehrenamt'],
    latitude: 54.2101,
    longitude: 8.9231,
  },
  {
    key: 'ff-westerdeichstrich',
    kind: 'FIRE_BRIGADE',
    name: 'Freiwillige Feuerwehr Westerdeichstrich',
    regionKey: 'westerdeichstrich',
    topics: ['brandschutz', 'ehrenamt'],
    latitude: 54.1561,
    longitude: 8.8771,
  },
  {
    key: 'ff-hedwigenkoog',
    kind: 'FIRE_BRIGADE',
    name: 'Freiwillige Feuerwehr Hedwigenkoog',
    regionKey: 'hedwigenkoog',
    topics: ['brandschutz', 'ehrenamt'],
    latitude: 54.1792,
    longitude: 8.8512,
  },
  {
    key: 'ff-reinsbuettel',
    kind: 'FIRE_BRIGADE',
    name: 'Freiwillige Feuerwehr Reinsbüttel',
    regionKey: 'reinsbuettel',
    topics: ['brandschutz', 'ehrenamt'],
    latitude: 54.2005,
    longitude: 8.9531,
  },
  {
    key: 'amtsfeuerwehrverband',
    kind: 'FIRE_BRIGADE',
    name: 'Amtsfeuerwehrverband Büsum-Wesselburen',
    description: 'Zusammenschluss aller Wehren im Amt, koordiniert Ausbildung.',
    regionKey: 'amt-bw',
    topics: ['brandschutz', 'bildung'],
  },
  // --- Religious communities ----------------------------------------------
  {
    key: 'kg-buesum',
    kind: 'RELIGIOUS_COMMUNITY',
    name: 'Ev.-Luth. Kirchengemeinde Büsum',
    description: 'Gottesdienste, Konfirmandenarbeit, Gemeindehaus für Gruppen.',
    regionKey: 'buesum',
    topics: ['kirche', 'senioren', 'musik'],
    latitude: 54.1334,
    longitude: 8.8589,
    email: 'buero@kirche-buesum.example.org',
  },
  {
    key: 'kg-wesselburen',
    kind: 'RELIGIOUS_COMMUNITY',
    name: 'Ev.-Luth. Kirchengemeinde Wesselburen',
    description: 'Kirchengemeinde mit Jugendkeller und Seniorenkreis.',
    regionKey: 'wesselburen',
    topics: ['kirche', 'jugend', 'senioren'],
    latitude: 54.2124,
    longitude: 8.9249,
    email: 'buero@kirche-wesselburen.example.org',
  },
  {
    key: 'kath-gemeinde',
    kind: 'RELIGIOUS_COMMUNITY',
    name: 'Katholische Gemeinde an der Westküste, Standort Büsum',
    description: 'Sommergottesdienste für Gäste und Einheimische.',
    regionKey: 'buesum',
    topics: ['kirche', 'integration'],
    latitude: 54.1348,
    longitude: 8.8562,
  },
  // --- Initiatives --------------------------------------------------------
  {
    key: 'jugendtreff-warwerort',
    kind: 'INITIATIVE',
    name: 'Jugendtreff Warwerort',
    description: 'Jugendliche betreiben einen Treff im alten Feuerwehrhaus.',
    regionKey: 'warwerort',
    topics: ['jugend', 'freizeit', 'ehrenamt'],
    latitude: 54.1699,
    longitude: 8.8803,
    foundedOn: '2019-04-01',
  },
  {
    key: 'jugendinitiative-hedwigenkoog',
    kind: 'INITIATIVE',
    name: 'Jugendinitiative Hedwigenkoog',
    description: 'Jugendliche wünschen sich einen eigenen Treffpunkt und organisieren Ausflüge.',
    regionKey: 'hedwigenkoog',
    topics: ['jugend', 'freizeit', 'ehrenamt'],
    latitude: 54.1781,
    longitude: 8.8535,
    foundedOn: '2020-09-15',
  },
  {
    key: 'besuchsdienst-buesum',
    kind: 'INITIATIVE',
    name: 'Besuchsdienst „Zeit schenken“ Büsum',
    description: 'Ehrenamtliche besuchen allein lebende ältere Menschen zu Hause.',
    regionKey: 'buesum',
    topics: ['senioren', 'nachbarschaft', 'ehrenamt'],
    latitude: 54.1338,
    longitude: 8.8611,
    foundedOn: '2016-03-01',
  },
  {
    key: 'besuchsdienst-wesselburen',
    kind: 'INITIATIVE',
    name: 'Seniorenbesuchsdienst Wesselburen',
    description: 'Regelmäßige Besuche, Vorlesen und Spaziergänge mit Seniorinnen und Senioren.',
    regionKey: 'wesselburen',
    topics: ['senioren', 'nachbarschaft', 'ehrenamt'],
    latitude: 54.2119,
    longitude: 8.9258,
    foundedOn: '2018-10-01',
  },
  {
    key: 'kuestenputzer',
    kind: 'INITIATIVE',
    name: 'Küstenputzer Büsum',
    description: 'Monatliche Beach-Cleanups am Büsumer Strand und Deichvorland.',
    regionKey: 'buesum',
    topics: ['natur', 'umwelt', 'jugend'],
    latitude: 54.1291,
    longitude: 8.8498,
    foundedOn: '2019-06-05',
  },
  {
    key: 'repair-cafe',
    kind: 'INITIATIVE',
    name: 'Repair-Café Wesselburen',
    description: 'Reparieren statt wegwerfen – einmal im Monat im Gemeindehaus.',
    regionKey: 'wesselburen',
    topics: ['umwelt', 'nachbarschaft', 'digitales'],
    latitude: 54.2127,
    longitude: 8.9251,
    foundedOn: '2017-11-11',
  },
  {
    key: 'willkommensinitiative',
    kind: 'INITIATIVE',
    name: 'Willkommensinitiative Büsum-Wesselburen',
    description: 'Sprachcafé, Patenschaften und Begleitung zu Behörden.',
    regionKey: 'amt-bw',
    topics: ['integration', 'bildung', 'ehrenamt'],
    foundedOn: '2015-10-01',
  },
  {
    key: 'digitalpaten',
    kind: 'INITIATIVE',
    name: 'Digitalpaten Büsum',
    description: 'Jugendliche und Ehrenamtliche helfen Älteren bei Smartphone und Tablet.',
    regionKey: 'buesum',
    topics: ['digitales', 'senioren', 'jugend'],
    latitude: 54.1341,
    longitude: 8.8602,
    foundedOn: '2021-02-01',
  },
  {
    key: 'dorffest-oesterdeichstrich',
    kind: 'INITIATIVE',
    name: 'Dorffestgemeinschaft Oesterdeichstrich',
    description: 'Organisiert das jährliche Dorffest mit Kinderprogramm.',
    regionKey: 'oesterdeichstrich',
    topics: ['heimat', 'kinder', 'ehrenamt'],
    latitude: 54.1553,
    longitude: 8.9041,
    foundedOn: '2015-05-20',
  },
  {
    key: 'ak-hafenfest',
    kind: 'INITIATIVE',
    name: 'Arbeitskreis Büsumer Hafenfest',
    description: 'Ehrenamtliches Orga-Team für das Hafenfest im Sommer.',
    regionKey: 'buesum',
    topics: ['kultur', 'tourismus', 'ehrenamt'],
    latitude: 54.1281,
    longitude: 8.8612,
    foundedOn: '2015-01-15',
  },
  {
    key: 'laternenumzug-norddeich',
    kind: 'INITIATIVE',
    name: 'Elternkreis Laternenumzug Norddeich',
    description: 'Eltern organisieren den Laternenumzug im Herbst.',
    regionKey: 'norddeich',
    topics: ['kinder', 'heimat', 'familie'],
    latitude: 54.2042,
    longitude: 8.9001,
    foundedOn: '2022-09-01',
  },
  {
    key: 'lernhilfe-wesselburen',
    kind: 'INITIATIVE',
    name: 'Lernhilfe Wesselburen',
    description: 'Ehrenamtliche Nachhilfe für Schülerinnen und Schüler der Klassen 3 bis 10.',
    regionKey: 'wesselburen',
    topics: ['bildung', 'jugend', 'integration'],
    latitude: 54.2118,
    longitude: 8.9266,
    foundedOn: '2020-01-10',
  },
  {
    key: 'kulturscheune-oesterwurth',
    kind: 'INITIATIVE',
    name: 'Kulturscheune Oesterwurth',
    description: 'Kleine Konzerte und Lesungen in einer umgebauten Scheune.',
    regionKey: 'oesterwurth',
    topics: ['kultur', 'musik'],
    latitude: 54.2219,
    longitude: 8.9788,
    foundedOn: '2023-06-01',
  },
  {
    key: 'naturgruppe-hhu',
    kind: 'INITIATIVE',
    name: 'Naturgruppe Heringsand',
    description: 'Pflegt Streuobstwiese und Nistkästen in Hellschen-Heringsand-Unterschaar.',
    regionKey: 'heringsand',
    topics: ['natur', 'umwelt'],
    latitude: 54.1958,
    longitude: 8.9721,
    foundedOn: '2021-04-22',
  },
  // --- Other ---------------------------------------------------------------
  {
    key: 'kita-buesum',
    kind: 'OTHER',
    name: 'Kita Krabbennest Büsum',
    description: 'Kindertagesstätte mit Naturgruppe.',
    regionKey: 'buesum',
    topics: ['kinder', 'bildung', 'natur'],
    latitude: 54.1366,
    longitude: 8.8593,
  },
  {
    key: 'campingplatz-stinteck',
    kind: 'OTHER',
    name: 'Gästeservice Stinteck',
    description: 'Informationsstelle für Gäste in Stinteck, verteilt Veranstaltungshinweise.',
    regionKey: 'stinteck',
    topics: ['tourismus', 'natur'],
    latitude: 54.1602,
    longitude: 8.8688,
  },
];

// ---------------------------------------------------------------------------
// Cooperations (fictional)
// ---------------------------------------------------------------------------

export const DEMO_COOPERATIONS: SeedCooperation[] = [
  // School cooperations
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Ballsport-AG an der Grundschule',
    participantKeys: ['gs-buesum', 'sv-buesum'],
    startedOn: '2018-08-15',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Segel-AG der Gemeinschaftsschule',
    participantKeys: ['gems-buesum', 'segelclub'],
    startedOn: '2017-04-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Schwimmausbildung für Drittklässler',
    participantKeys: ['gs-buesum', 'dlrg'],
    startedOn: '2016-09-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Rettungsschwimmer-Kurs Klasse 8',
    participantKeys: ['gems-buesum', 'dlrg'],
    startedOn: '2019-02-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Leichtathletik im Ganztag',
    participantKeys: ['gs-wesselburen', 'tsv-wesselburen'],
    startedOn: '2018-08-20',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Fußball-AG Klassen 5-7',
    participantKeys: ['gems-wesselburen', 'tsv-wesselburen'],
    startedOn: '2017-08-20',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Brandschutzerziehung',
    participantKeys: ['gs-wesselburen', 'ff-wesselburen'],
    startedOn: '2015-09-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Brandschutztag Grundschule Büsum',
    participantKeys: ['gs-buesum', 'ff-buesum', 'jf-buesum'],
    startedOn: '2016-05-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Plattdeutsch-AG',
    participantKeys: ['gs-buesum', 'heimatverein-buesum'],
    startedOn: '2019-08-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ENDED',
    title: 'Voltigier-AG',
    participantKeys: ['gs-wesselburen', 'reitverein'],
    startedOn: '2017-03-01',
    endedOn: '2020-03-15',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'PROPOSED',
    title: 'Reit-AG für die Oberstufe',
    participantKeys: ['gems-wesselburen', 'reitverein'],
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Kochkurs „Gesund aus der Region“',
    participantKeys: ['gems-wesselburen', 'landfrauen'],
    startedOn: '2020-09-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Schulchor trifft Spielmannszug',
    participantKeys: ['gs-wesselburen', 'spielmannszug'],
    startedOn: '2021-09-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Bewegungsstunde im Dorf',
    participantKeys: ['gs-reinsbuettel', 'sv-reinsbuettel'],
    startedOn: '2019-08-15',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Lernhilfe im Ganztag',
    participantKeys: ['gems-wesselburen', 'lernhilfe-wesselburen'],
    startedOn: '2020-02-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Wattforscher-AG',
    participantKeys: ['gs-buesum', 'kuestenputzer'],
    startedOn: '2021-04-15',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Schüler werden Digitalpaten',
    participantKeys: ['gems-buesum', 'digitalpaten'],
    startedOn: '2021-03-01',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ENDED',
    title: 'Schulgarten-Patenschaft',
    participantKeys: ['gs-wesselburen', 'landfrauen'],
    startedOn: '2018-04-01',
    endedOn: '2019-10-31',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'PROPOSED',
    title: 'Tennis-Schnupperkurs',
    participantKeys: ['gs-buesum', 'tennisclub'],
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Übergang Kita – Grundschule',
    participantKeys: ['kita-buesum', 'gs-buesum', 'rolle-bildungskette'],
    startedOn: '2022-01-10',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Berufsorientierung Fischwirtschaft',
    participantKeys: ['gems-buesum', 'firma-kutterhof'],
    startedOn: '2019-01-15',
  },
  {
    kind: 'SCHOOL_COOPERATION',
    status: 'ACTIVE',
    title: 'Betriebspraktika Landwirtschaft',
    participantKeys: ['gems-wesselburen', 'firma-kohlhof'],
    startedOn: '2018-02-01',
  },
  // Network roles and administration
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Schulkooperationsnetzwerk Büsum',
    participantKeys: ['rolle-schulkoordination', 'gs-buesum', 'gems-buesum'],
    startedOn: '2021-08-01',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Schulkooperationsnetzwerk Wesselburen',
    participantKeys: [
      'rolle-schulkoordination',
      'gs-wesselburen',
      'gems-wesselburen',
      'gs-reinsbuettel',
    ],
    startedOn: '2021-08-01',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Bildungslandkarte Amt Büsum-Wesselburen',
    participantKeys: ['rolle-bildungsmanagement', 'rolle-bildungskette', 'rolle-schulkoordination'],
    startedOn: '2022-03-01',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Ehrenamtsbörse',
    participantKeys: ['rolle-ehrenamtskoordination', 'freiwilligenagentur'],
    startedOn: '2020-05-01',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Ehrenamtskarte und Anerkennung',
    participantKeys: ['rolle-ehrenamtskoordination', 'amt-bw-verwaltung', 'buergerstiftung'],
    startedOn: '2021-12-05',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Integrationsnetzwerk',
    participantKeys: ['rolle-bildungsmanagement', 'willkommensinitiative'],
    startedOn: '2022-06-01',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Vereinsberatung Wesselburen',
    participantKeys: ['rolle-ehrenamtskoordination', 'stadt-wesselburen'],
    startedOn: '2022-02-01',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Seniorenpolitisches Forum',
    participantKeys: ['seniorenbeirat', 'gemeinde-buesum'],
    startedOn: '2017-01-20',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'ACTIVE',
    title: 'Jugendbeteiligung in der Stadt',
    participantKeys: ['jugendbeirat', 'stadt-wesselburen'],
    startedOn: '2019-03-01',
  },
  {
    kind: 'PARTNERSHIP',
    status: 'PROPOSED',
    title: 'Jugendbeirat berät Bildungskette',
    participantKeys: ['jugendbeirat', 'rolle-bildungskette'],
  },
  // Umbrella memberships
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Mitgliedschaft im Kreissportverband',
    participantKeys: ['kreissportverband', 'sv-buesum'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Mitgliedschaft im Kreissportverband',
    participantKeys: ['kreissportverband', 'tsv-wesselburen'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Mitgliedschaft im Kreissportverband',
    participantKeys: ['kreissportverband', 'sv-reinsbuettel'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Mitgliedschaft im Kreissportverband',
    participantKeys: ['kreissportverband', 'reitverein'],
    startedOn: '2016-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Mitgliedschaft im Kreissportverband',
    participantKeys: ['kreissportverband', 'segelclub'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Mitgliedschaft im Kreissportverband',
    participantKeys: ['kreissportverband', 'tennisclub'],
    startedOn: '2017-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ENDED',
    title: 'Mitgliedschaft im Kreissportverband',
    participantKeys: ['kreissportverband', 'dlrg'],
    startedOn: '2015-01-01',
    endedOn: '2019-12-31',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Amtsfeuerwehrverband',
    participantKeys: ['amtsfeuerwehrverband', 'ff-buesum'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Amtsfeuerwehrverband',
    participantKeys: ['amtsfeuerwehrverband', 'ff-wesselburen'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Amtsfeuerwehrverband',
    participantKeys: ['amtsfeuerwehrverband', 'ff-westerdeichstrich'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Amtsfeuerwehrverband',
    participantKeys: ['amtsfeuerwehrverband', 'ff-hedwigenkoog'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Amtsfeuerwehrverband',
    participantKeys: ['amtsfeuerwehrverband', 'ff-reinsbuettel'],
    startedOn: '2015-01-01',
  },
  {
    kind: 'UMBRELLA_MEMBERSHIP',
    status: 'ACTIVE',
    title: 'Jugendfeuerwehr in der Wehr Büsum',
    participantKeys: ['ff-buesum', 'jf-buesum'],
    startedOn: '2015-01-01',
  },
  // Sponsorships
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Trikotsponsoring Jugendfußball',
    participantKeys: ['firma-kutterhof', 'sv-buesum'],
    startedOn: '2019-07-01',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Bootsspende für die Jugendabteilung',
    participantKeys: ['firma-kutterhof', 'segelclub'],
    startedOn: '2021-05-01',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ENDED',
    title: 'Fischbrötchenstand beim Hafenfest',
    participantKeys: ['firma-kutterhof', 'ak-hafenfest'],
    startedOn: '2016-06-01',
    endedOn: '2022-09-30',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Kohlspende für die Tafel',
    participantKeys: ['firma-kohlhof', 'tafel'],
    startedOn: '2018-10-01',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Turnierplatz für das Sommerturnier',
    participantKeys: ['firma-kohlhof', 'reitverein'],
    startedOn: '2017-06-01',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'PROPOSED',
    title: 'Ballspende für den SV Wesselburen',
    participantKeys: ['firma-kohlhof', 'tsv-wesselburen'],
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Förderung Besuchsdienst',
    participantKeys: ['buergerstiftung', 'besuchsdienst-buesum'],
    startedOn: '2019-01-01',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Förderung Jugendtreff',
    participantKeys: ['buergerstiftung', 'jugendtreff-warwerort'],
    startedOn: '2020-03-01',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Förderung Lernhilfe',
    participantKeys: ['buergerstiftung', 'lernhilfe-wesselburen'],
    startedOn: '2021-01-01',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ENDED',
    title: 'Anschubfinanzierung Digitalpaten',
    participantKeys: ['buergerstiftung', 'digitalpaten'],
    startedOn: '2021-02-01',
    endedOn: '2023-01-31',
  },
  {
    kind: 'SPONSORSHIP',
    status: 'ACTIVE',
    title: 'Zuschuss Bürgerbus',
    participantKeys: ['stadt-wesselburen', 'buergerbus'],
    startedOn: '2018-04-01',
  },
  // Shared projects
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Büsumer Hafenfest',
    participantKeys: ['ak-hafenfest', 'gemeinde-buesum', 'shanty-chor', 'ff-buesum'],
    startedOn: '2015-06-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Strandaufsicht Sommer',
    participantKeys: ['dlrg', 'gemeinde-buesum'],
    startedOn: '2015-05-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Beach-Cleanup mit Gästen',
    participantKeys: ['kuestenputzer', 'gemeinde-westerdeichstrich', 'campingplatz-stinteck'],
    startedOn: '2020-04-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Laternenumzug Norddeich',
    participantKeys: ['laternenumzug-norddeich', 'spielmannszug'],
    startedOn: '2022-11-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'PROPOSED',
    title: 'Sicherheitsbegleitung Laternenumzug',
    participantKeys: ['laternenumzug-norddeich', 'ff-wesselburen'],
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Dorffest Oesterdeichstrich',
    participantKeys: ['dorffest-oesterdeichstrich', 'landfrauen'],
    startedOn: '2016-07-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Adventskonzert',
    participantKeys: ['kg-buesum', 'shanty-chor'],
    startedOn: '2015-12-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Ökumenischer Strandgottesdienst',
    participantKeys: ['kg-buesum', 'kath-gemeinde'],
    startedOn: '2017-07-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Sprachcafé im Gemeindehaus',
    participantKeys: ['willkommensinitiative', 'kg-wesselburen'],
    startedOn: '2016-01-15',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Smartphone-Sprechstunde',
    participantKeys: ['digitalpaten', 'seniorenbeirat'],
    startedOn: '2021-06-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Lebensmittelausgabe Wesselburen',
    participantKeys: ['tafel', 'kg-wesselburen'],
    startedOn: '2016-04-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Tafel-Lotsen für Geflüchtete',
    participantKeys: ['tafel', 'willkommensinitiative', 'freiwilligenagentur'],
    startedOn: '2016-02-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ENDED',
    title: 'Lesefest „Wesselburen liest“',
    participantKeys: ['kulturkreis-wesselburen', 'gs-wesselburen'],
    startedOn: '2019-04-01',
    endedOn: '2019-06-30',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Reparaturnachmittag für Senioren',
    participantKeys: ['repair-cafe', 'besuchsdienst-wesselburen'],
    startedOn: '2022-03-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Osterfeuer Süderdeich',
    participantKeys: ['dorfgemeinschaft-suederdeich', 'ff-reinsbuettel'],
    startedOn: '2015-04-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'PROPOSED',
    title: 'Naturerlebnistag für Kinder',
    participantKeys: ['naturgruppe-hhu', 'gs-reinsbuettel'],
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Freiwilligentag Amt Büsum-Wesselburen',
    participantKeys: ['freiwilligenagentur', 'amt-bw-verwaltung', 'rolle-ehrenamtskoordination'],
    startedOn: '2023-09-01',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ENDED',
    title: 'Jugendfahrt nach Helgoland',
    participantKeys: ['kg-wesselburen', 'jugendbeirat'],
    startedOn: '2022-05-01',
    endedOn: '2022-07-15',
  },
  {
    kind: 'SHARED_PROJECT',
    status: 'ACTIVE',
    title: 'Feuerwehrausbildung im Verband',
    participantKeys: ['amtsfeuerwehrverband', 'amt-bw-verwaltung'],
    startedOn: '2015-03-01',
  },
  // Resource sharing
  {
    kind: 'RESOURCE_SHARING',
    status: 'ACTIVE',
    title: 'Gemeinsame Nutzung der Turnhalle',
    participantKeys: ['sv-buesum', 'gems-buesum'],
    startedOn: '2015-08-01',
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'ACTIVE',
    title: 'Vereinsbus für Auswärtsspiele',
    participantKeys: ['tsv-wesselburen', 'buergerbus'],
    startedOn: '2020-08-01',
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'ACTIVE',
    title: 'Zeltverleih unter Wehren',
    participantKeys: ['ff-westerdeichstrich', 'ff-hedwigenkoog'],
    startedOn: '2018-05-01',
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'ACTIVE',
    title: 'Proberaum im Gemeindehaus',
    participantKeys: ['kg-buesum', 'heimatverein-buesum'],
    startedOn: '2016-10-01',
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'ACTIVE',
    title: 'Bühne und Technik',
    participantKeys: ['kulturkreis-wesselburen', 'kg-wesselburen'],
    startedOn: '2018-01-01',
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'ENDED',
    title: 'Bootsschuppen-Mitnutzung',
    participantKeys: ['segelclub', 'dlrg'],
    startedOn: '2017-04-01',
    endedOn: '2021-10-31',
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'ACTIVE',
    title: 'Seniorenfahrten mit dem Bürgerbus',
    participantKeys: ['buergerbus', 'besuchsdienst-wesselburen'],
    startedOn: '2019-05-01',
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'PROPOSED',
    title: 'Gemeinsamer Geschirrwagen',
    participantKeys: ['landfrauen', 'dorfgemeinschaft-suederdeich'],
  },
  {
    kind: 'RESOURCE_SHARING',
    status: 'ACTIVE',
    title: 'Räume für die Jugendinitiative',
    participantKeys: ['jugendinitiative-hedwigenkoog', 'ff-hedwigenkoog'],
    startedOn: '2021-01-15',
  },
];

// ---------------------------------------------------------------------------
// Needs (fictional; volunteers are invented, e-mails at example.org)
// ---------------------------------------------------------------------------

export const DEMO_NEEDS: SeedNeed[] = [
  {
    key: 'need-hafenfest-aufbau',
    actorKey: 'ak-hafenfest',
    kind: 'HELPERS',
    title: 'Helferinnen und Helfer für den Aufbau des Büsumer Hafenfests',
    description: 'Bühne, Stände und Absperrungen am Hafen aufbauen. Verpflegung inklusive.',
    quantity: 12,
    unit: 'Personen',
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['hafenfest', 'aufbau', 'fest', 'helfer'],
    startsInDays: 2,
    durationHours: 5,
    deadlineInDays: 1.5,
    pledges: [
      { byActorKey: 'jf-buesum', quantity: 4, status: 'CONFIRMED', note: 'Mit Betreuern' },
      {
        volunteerName: 'Hauke Jansen',
        volunteerEmail: 'hauke.jansen@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
      {
        volunteerName: 'Meike Thiessen',
        volunteerEmail: 'meike.thiessen@example.org',
        quantity: 1,
        status: 'PENDING',
      },
      {
        volunteerName: 'Ole Carstens',
        volunteerEmail: 'ole.carstens@example.org',
        quantity: 1,
        status: 'DECLINED',
        note: 'Leider verhindert',
      },
    ],
  },
  {
    key: 'need-hafenfest-ausschank',
    actorKey: 'ak-hafenfest',
    kind: 'HELPERS',
    title: 'Ausschank und Kasse beim Hafenfest',
    quantity: 8,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['hafenfest', 'fest', 'helfer', 'ausschank'],
    startsInDays: 3,
    durationHours: 6,
    deadlineInDays: 2,
    pledges: [
      { byActorKey: 'shanty-chor', quantity: 2, status: 'CONFIRMED' },
      {
        volunteerName: 'Frauke Hinrichs',
        volunteerEmail: 'frauke.hinrichs@example.org',
        quantity: 1,
        status: 'PENDING',
      },
    ],
  },
  {
    key: 'need-hafenfest-biertische',
    actorKey: 'ak-hafenfest',
    kind: 'EQUIPMENT',
    title: 'Biertischgarnituren für das Hafenfest',
    quantity: 30,
    unit: 'Garnituren',
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['biertischgarnitur', 'fest', 'hafenfest', 'ausleihe'],
    startsInDays: 2,
    durationHours: 48,
    deadlineInDays: 2,
    pledges: [
      { byActorKey: 'ff-buesum', quantity: 10, status: 'CONFIRMED' },
      { byActorKey: 'kg-buesum', quantity: 8, status: 'PENDING', note: 'Abholung am Gemeindehaus' },
    ],
  },
  {
    key: 'need-hafenfest-zelte',
    actorKey: 'ak-hafenfest',
    kind: 'EQUIPMENT',
    title: 'Pavillonzelte für Infostände',
    quantity: 4,
    unit: 'Zelte',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['zelt', 'fest', 'hafenfest', 'ausleihe'],
    deadlineInDays: 5,
    pledges: [],
  },
  {
    key: 'need-dorffest-helfer',
    actorKey: 'dorffest-oesterdeichstrich',
    kind: 'HELPERS',
    title: 'Helferinnen und Helfer für das Dorffest Oesterdeichstrich',
    description: 'Kinderschminken, Grillstand, Aufbau und Abbau.',
    quantity: 10,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['dorffest', 'fest', 'helfer', 'kinder', 'aufbau'],
    startsInDays: 14,
    durationHours: 8,
    deadlineInDays: 10,
    pledges: [
      { byActorKey: 'landfrauen', quantity: 3, status: 'CONFIRMED', note: 'Kuchenbuffet' },
      {
        volunteerName: 'Silke Rehder',
        volunteerEmail: 'silke.rehder@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
      {
        volunteerName: 'Lars Kruse',
        volunteerEmail: 'lars.kruse@example.org',
        quantity: 1,
        status: 'PENDING',
      },
    ],
  },
  {
    key: 'need-dorffest-zelt',
    actorKey: 'dorffest-oesterdeichstrich',
    kind: 'EQUIPMENT',
    title: 'Festzelt 6 x 12 m',
    quantity: 1,
    unit: 'Zelt',
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['zelt', 'dorffest', 'fest', 'ausleihe'],
    startsInDays: 13,
    durationHours: 48,
    deadlineInDays: 7,
    pledges: [{ byActorKey: 'ff-westerdeichstrich', quantity: 1, status: 'CONFIRMED' }],
  },
  {
    key: 'need-dorffest-biertische',
    actorKey: 'dorffest-oesterdeichstrich',
    kind: 'EQUIPMENT',
    title: 'Biertischgarnituren für das Dorffest',
    quantity: 15,
    unit: 'Garnituren',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['biertischgarnitur', 'dorffest', 'fest', 'ausleihe'],
    deadlineInDays: 9,
    pledges: [],
  },
  {
    key: 'need-laterne-ordner',
    actorKey: 'laternenumzug-norddeich',
    kind: 'HELPERS',
    title: 'Ordnerinnen und Ordner für den Laternenumzug',
    quantity: 6,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['laternenumzug', 'kinder', 'sicherheit', 'helfer'],
    startsInDays: 21,
    durationHours: 2,
    deadlineInDays: 18,
    pledges: [
      {
        volunteerName: 'Inke Sievers',
        volunteerEmail: 'inke.sievers@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
      {
        volunteerName: 'Timo Brandt',
        volunteerEmail: 'timo.brandt@example.org',
        quantity: 1,
        status: 'PENDING',
      },
      {
        volunteerName: 'Wiebke Claussen',
        volunteerEmail: 'wiebke.claussen@example.org',
        quantity: 1,
        status: 'WITHDRAWN',
      },
    ],
  },
  {
    key: 'need-laterne-material',
    actorKey: 'laternenumzug-norddeich',
    kind: 'OTHER',
    title: 'Bastelmaterial für Laternen',
    description: 'Transparentpapier, Kleber und LED-Stäbe für etwa 40 Kinder.',
    quantity: 40,
    unit: 'Sets',
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['laternenumzug', 'kinder', 'basteln'],
    deadlineInDays: 16,
    pledges: [{ byActorKey: 'buergerstiftung', quantity: 20, status: 'PENDING' }],
  },
  {
    key: 'need-beach-cleanup',
    actorKey: 'kuestenputzer',
    kind: 'HELPERS',
    title: 'Beach-Cleanup am Büsumer Strand',
    description: 'Müllsammeln am Strand und im Deichvorland. Handschuhe und Säcke werden gestellt.',
    quantity: 25,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['beach-cleanup', 'umwelt', 'natur', 'helfer', 'strand'],
    startsInDays: 6,
    durationHours: 3,
    deadlineInDays: 5,
    pledges: [
      { byActorKey: 'gems-buesum', quantity: 15, status: 'CONFIRMED', note: 'Klasse 7a und 7b' },
      {
        volunteerName: 'Nils Dethlefs',
        volunteerEmail: 'nils.dethlefs@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
      {
        volunteerName: 'Kirsten Möller',
        volunteerEmail: 'kirsten.moeller@example.org',
        quantity: 1,
        status: 'PENDING',
      },
      {
        volunteerName: 'Jannik Böe',
        volunteerEmail: 'jannik.boee@example.org',
        quantity: 1,
        status: 'PENDING',
      },
    ],
  },
  {
    key: 'need-beach-cleanup-transport',
    actorKey: 'kuestenputzer',
    kind: 'TRANSPORT',
    title: 'Abtransport der Müllsäcke nach dem Beach-Cleanup',
    quantity: 1,
    unit: 'Fahrt',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['transport', 'anhaenger', 'beach-cleanup', 'umwelt'],
    startsInDays: 6.125,
    durationHours: 2,
    deadlineInDays: 5,
    pledges: [{ byActorKey: 'firma-kohlhof', quantity: 1, status: 'CONFIRMED' }],
  },
  {
    key: 'need-nachhilfe-raum',
    actorKey: 'lernhilfe-wesselburen',
    kind: 'ROOM',
    title: 'Raum für Nachhilfe am Nachmittag',
    description: 'Ruhiger Raum mit Tischen für 8-10 Kinder, dienstags und donnerstags 15-17 Uhr.',
    quantity: 2,
    unit: 'Nachmittage pro Woche',
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['raum', 'nachhilfe', 'bildung'],
    deadlineInDays: 14,
    pledges: [
      { byActorKey: 'kg-wesselburen', quantity: 1, status: 'PENDING', note: 'Dienstags möglich' },
    ],
  },
  {
    key: 'need-nachhilfe-helfer',
    actorKey: 'lernhilfe-wesselburen',
    kind: 'HELPERS',
    title: 'Ehrenamtliche für Nachhilfe in Mathe und Englisch',
    quantity: 5,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['nachhilfe', 'bildung', 'helfer', 'jugend'],
    deadlineInDays: 30,
    pledges: [
      {
        volunteerName: 'Frauke Hinrichs',
        volunteerEmail: 'frauke.hinrichs@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
    ],
  },
  {
    key: 'need-vereinsrecht',
    actorKey: 'sv-buesum',
    kind: 'EXPERTISE',
    title: 'Eine Stunde Rechtsberatung zum Vereinsrecht',
    description: 'Fragen zur Satzungsänderung und zur Haftung des Vorstands.',
    quantity: 1,
    unit: 'Stunde',
    urgency: 'NORMAL',
    visibility: 'NETWORK',
    tags: ['vereinsrecht', 'beratung', 'recht', 'satzung'],
    deadlineInDays: 20,
    pledges: [],
  },
  {
    key: 'need-kassenwart-sv-buesum',
    actorKey: 'sv-buesum',
    kind: 'BOARD_POSITION',
    title: 'Kassenwart/in für den Sportverein Büsum',
    quantity: 1,
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['vorstand', 'kassenwart', 'finanzen', 'ehrenamt'],
    deadlineInDays: 45,
    pledges: [
      {
        volunteerName: 'Lars Kruse',
        volunteerEmail: 'lars.kruse@example.org',
        quantity: 1,
        status: 'PENDING',
        note: 'Erst Gespräch gewünscht',
      },
    ],
  },
  {
    key: 'need-schriftfuehrer-sv-wesselburen',
    actorKey: 'tsv-wesselburen',
    kind: 'BOARD_POSITION',
    title: 'Schriftführer/in gesucht',
    quantity: 1,
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['vorstand', 'schriftfuehrer', 'ehrenamt'],
    deadlineInDays: 40,
    pledges: [],
  },
  {
    key: 'need-jugendwart-sv-wesselburen',
    actorKey: 'tsv-wesselburen',
    kind: 'BOARD_POSITION',
    title: 'Jugendwart/in gesucht',
    quantity: 1,
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['vorstand', 'jugend', 'ehrenamt'],
    deadlineInDays: 60,
    pledges: [],
  },
  {
    key: 'need-kassenwart-reitverein',
    actorKey: 'reitverein',
    kind: 'BOARD_POSITION',
    title: 'Kassenwart/in für den Reitverein',
    quantity: 1,
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['vorstand', 'kassenwart', 'finanzen'],
    deadlineInDays: 50,
    pledges: [],
  },
  {
    key: 'need-kassenwart-heimatverein',
    actorKey: 'heimatverein-buesum',
    kind: 'BOARD_POSITION',
    title: 'Kassenwart/in für den Heimatverein',
    quantity: 1,
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['vorstand', 'kassenwart', 'finanzen', 'heimat'],
    deadlineInDays: 60,
    pledges: [],
  },
  {
    key: 'need-schriftfuehrer-tafel',
    actorKey: 'tafel',
    kind: 'BOARD_POSITION',
    title: 'Schriftführer/in für die Tafel',
    quantity: 1,
    urgency: 'NORMAL',
    visibility: 'NETWORK',
    tags: ['vorstand', 'schriftfuehrer', 'tafel'],
    deadlineInDays: 30,
    pledges: [
      {
        volunteerName: 'Hauke Jansen',
        volunteerEmail: 'hauke.jansen@example.org',
        quantity: 1,
        status: 'DECLINED',
      },
    ],
  },
  {
    key: 'need-schriftfuehrer-dlrg',
    actorKey: 'dlrg',
    kind: 'BOARD_POSITION',
    title: 'Schriftführer/in für die Ortsgruppe',
    quantity: 1,
    urgency: 'LOW',
    visibility: 'NETWORK',
    tags: ['vorstand', 'schriftfuehrer', 'ehrenamt'],
    deadlineInDays: 55,
    pledges: [],
  },
  {
    key: 'need-seniorenfahrt-buesum',
    actorKey: 'besuchsdienst-buesum',
    kind: 'TRANSPORT',
    title: 'Fahrdienst zum Seniorennachmittag',
    description: 'Abholung in Büsum und Büsumer Deichhausen, Rückfahrt gegen 17 Uhr.',
    quantity: 6,
    unit: 'Fahrten',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['transport', 'senioren', 'fahrdienst'],
    startsInDays: 8,
    durationHours: 3,
    deadlineInDays: 6,
    pledges: [
      {
        volunteerName: 'Timo Brandt',
        volunteerEmail: 'timo.brandt@example.org',
        quantity: 2,
        status: 'CONFIRMED',
      },
    ],
  },
  {
    key: 'need-seniorenfahrt-wesselburen',
    actorKey: 'besuchsdienst-wesselburen',
    kind: 'TRANSPORT',
    title: 'Fahrten zu Arztterminen in Heide',
    quantity: 10,
    unit: 'Fahrten',
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['transport', 'senioren', 'fahrdienst', 'gesundheit'],
    deadlineInDays: 2.5,
    pledges: [
      { byActorKey: 'buergerbus', quantity: 6, status: 'CONFIRMED' },
      {
        volunteerName: 'Ole Carstens',
        volunteerEmail: 'ole.carstens@example.org',
        quantity: 2,
        status: 'PENDING',
      },
    ],
  },
  {
    key: 'need-besuche-buesum',
    actorKey: 'besuchsdienst-buesum',
    kind: 'HELPERS',
    title: 'Ehrenamtliche für wöchentliche Besuche',
    quantity: 4,
    unit: 'Personen',
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['senioren', 'besuchsdienst', 'helfer', 'nachbarschaft'],
    deadlineInDays: 30,
    pledges: [],
  },
  {
    key: 'need-besuche-wesselburen',
    actorKey: 'besuchsdienst-wesselburen',
    kind: 'HELPERS',
    title: 'Besuchspatinnen und -paten gesucht',
    quantity: 3,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['senioren', 'besuchsdienst', 'helfer', 'nachbarschaft'],
    deadlineInDays: 25,
    pledges: [
      {
        volunteerName: 'Meike Thiessen',
        volunteerEmail: 'meike.thiessen@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
    ],
  },
  {
    key: 'need-tafel-ausgabe',
    actorKey: 'tafel',
    kind: 'HELPERS',
    title: 'Helfende für die Lebensmittelausgabe',
    quantity: 4,
    unit: 'Personen',
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['tafel', 'helfer', 'ausgabe'],
    startsInDays: 1.5,
    durationHours: 3,
    deadlineInDays: 1,
    pledges: [
      {
        volunteerName: 'Wiebke Claussen',
        volunteerEmail: 'wiebke.claussen@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
      {
        volunteerName: 'Inke Sievers',
        volunteerEmail: 'inke.sievers@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
      { byActorKey: 'freiwilligenagentur', quantity: 2, status: 'CONFIRMED' },
    ],
  },
  {
    key: 'need-tafel-kuehltransport',
    actorKey: 'tafel',
    kind: 'TRANSPORT',
    title: 'Kühltransport für Lebensmittelspenden',
    quantity: 2,
    unit: 'Fahrten pro Woche',
    urgency: 'NORMAL',
    visibility: 'NETWORK',
    tags: ['transport', 'kuehlung', 'tafel'],
    deadlineInDays: 12,
    pledges: [],
  },
  {
    key: 'need-jugendtreff-ausstattung',
    actorKey: 'jugendtreff-warwerort',
    kind: 'FUNDING',
    title: 'Zuschuss für Sofas und Tischkicker',
    quantity: 800,
    unit: 'EUR',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['foerderung', 'jugend', 'ausstattung'],
    deadlineInDays: 25,
    pledges: [{ byActorKey: 'buergerstiftung', quantity: 500, status: 'PENDING' }],
  },
  {
    key: 'need-jugendinitiative-raum',
    actorKey: 'jugendinitiative-hedwigenkoog',
    kind: 'ROOM',
    title: 'Treffpunkt für Jugendliche am Wochenende',
    quantity: 1,
    unit: 'Raum',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['raum', 'jugend', 'treffpunkt'],
    deadlineInDays: 35,
    pledges: [],
  },
  {
    key: 'need-digital-beamer',
    actorKey: 'digitalpaten',
    kind: 'EQUIPMENT',
    title: 'Beamer für den Smartphone-Kurs',
    quantity: 1,
    unit: 'Beamer',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['beamer', 'technik', 'digitales', 'ausleihe'],
    startsInDays: 4,
    durationHours: 2,
    deadlineInDays: 3,
    pledges: [],
  },
  {
    key: 'need-digital-paten',
    actorKey: 'digitalpaten',
    kind: 'HELPERS',
    title: 'Jugendliche als Digitalpatinnen und -paten',
    quantity: 6,
    unit: 'Personen',
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['digitales', 'senioren', 'jugend', 'helfer'],
    deadlineInDays: 40,
    pledges: [{ byActorKey: 'gems-buesum', quantity: 3, status: 'PENDING' }],
  },
  {
    key: 'need-webseite-heimatverein',
    actorKey: 'heimatverein-buesum',
    kind: 'EXPERTISE',
    title: 'Hilfe bei der Vereinswebseite',
    quantity: 10,
    unit: 'Stunden',
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['webseite', 'digitales', 'beratung'],
    deadlineInDays: 50,
    pledges: [],
  },
  {
    key: 'need-steuer-kulturkreis',
    actorKey: 'kulturkreis-wesselburen',
    kind: 'EXPERTISE',
    title: 'Beratung zu Gemeinnützigkeit und Steuern',
    quantity: 2,
    unit: 'Stunden',
    urgency: 'NORMAL',
    visibility: 'NETWORK',
    tags: ['steuer', 'gemeinnuetzigkeit', 'beratung', 'finanzen'],
    deadlineInDays: 21,
    pledges: [],
  },
  {
    key: 'need-shanty-bus',
    actorKey: 'shanty-chor',
    kind: 'TRANSPORT',
    title: 'Bus zum Chortreffen',
    quantity: 1,
    unit: 'Fahrt',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['transport', 'vereinsbus', 'musik'],
    startsInDays: 17,
    durationHours: 10,
    deadlineInDays: 12,
    pledges: [],
  },
  {
    key: 'need-segel-begleitboot',
    actorKey: 'segelclub',
    kind: 'FUNDING',
    title: 'Neues Begleitboot für die Jugendabteilung',
    quantity: 6000,
    unit: 'EUR',
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['foerderung', 'wassersport', 'jugend'],
    deadlineInDays: 60,
    pledges: [
      { byActorKey: 'firma-kutterhof', quantity: 2000, status: 'CONFIRMED' },
      { byActorKey: 'buergerstiftung', quantity: 1000, status: 'PENDING' },
    ],
  },
  {
    key: 'need-dlrg-wache',
    actorKey: 'dlrg',
    kind: 'HELPERS',
    title: 'Wachgänger für den Strand am Wochenende',
    quantity: 8,
    unit: 'Personen',
    urgency: 'HIGH',
    visibility: 'NETWORK',
    tags: ['rettung', 'strand', 'wassersport', 'helfer'],
    startsInDays: 2.5,
    durationHours: 8,
    deadlineInDays: 2,
    pledges: [
      {
        volunteerName: 'Jannik Böe',
        volunteerEmail: 'jannik.boee@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
      {
        volunteerName: 'Kirsten Möller',
        volunteerEmail: 'kirsten.moeller@example.org',
        quantity: 1,
        status: 'CONFIRMED',
      },
    ],
  },
  {
    key: 'need-sportfest-zelte',
    actorKey: 'sv-reinsbuettel',
    kind: 'EQUIPMENT',
    title: 'Zelte für das Sportfest',
    quantity: 3,
    unit: 'Zelte',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['zelt', 'sportfest', 'fest', 'ausleihe'],
    startsInDays: 20,
    durationHours: 10,
    deadlineInDays: 15,
    pledges: [{ byActorKey: 'ff-reinsbuettel', quantity: 3, status: 'CONFIRMED' }],
  },
  {
    key: 'need-sportfest-helfer',
    actorKey: 'sv-reinsbuettel',
    kind: 'HELPERS',
    title: 'Kampfrichter und Helfende für das Sportfest',
    quantity: 10,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['sportfest', 'sport', 'helfer', 'fest', 'aufbau'],
    startsInDays: 20,
    durationHours: 6,
    deadlineInDays: 15,
    pledges: [],
  },
  {
    key: 'need-dolmetschen',
    actorKey: 'willkommensinitiative',
    kind: 'EXPERTISE',
    title: 'Sprachmittlung Arabisch und Ukrainisch',
    description: 'Begleitung zu Elterngesprächen und Behördenterminen.',
    quantity: 3,
    unit: 'Personen',
    urgency: 'HIGH',
    visibility: 'PUBLIC',
    tags: ['integration', 'sprache', 'dolmetschen'],
    deadlineInDays: 3,
    pledges: [
      {
        volunteerName: 'Nils Dethlefs',
        volunteerEmail: 'nils.dethlefs@example.org',
        quantity: 1,
        status: 'PENDING',
      },
    ],
  },
  {
    key: 'need-repair-elektro',
    actorKey: 'repair-cafe',
    kind: 'EXPERTISE',
    title: 'Reparateurinnen und Reparateure für Elektrogeräte',
    quantity: 2,
    unit: 'Personen',
    urgency: 'NORMAL',
    visibility: 'PUBLIC',
    tags: ['reparatur', 'technik', 'umwelt', 'helfer'],
    startsInDays: 10,
    durationHours: 3,
    deadlineInDays: 8,
    pledges: [],
  },
  {
    key: 'need-osterfeuer-anhaenger',
    actorKey: 'dorfgemeinschaft-suederdeich',
    kind: 'TRANSPORT',
    title: 'Anhänger für Osterfeuer-Holz',
    quantity: 1,
    unit: 'Anhänger',
    urgency: 'LOW',
    visibility: 'NETWORK',
    tags: ['anhaenger', 'transport', 'osterfeuer'],
    deadlineInDays: 30,
    pledges: [{ byActorKey: 'firma-kohlhof', quantity: 1, status: 'CONFIRMED' }],
    closed: true,
  },
  {
    key: 'need-landfrauen-kueche',
    actorKey: 'landfrauen',
    kind: 'ROOM',
    title: 'Küche für den Herbst-Kochkurs',
    quantity: 1,
    unit: 'Raum',
    urgency: 'NORMAL',
    visibility: 'NETWORK',
    tags: ['raum', 'kueche', 'bildung'],
    deadlineInDays: 20,
    pledges: [{ byActorKey: 'gems-wesselburen', quantity: 1, status: 'CONFIRMED' }],
    closed: true,
  },
  {
    key: 'need-kulturscheune-technik',
    actorKey: 'kulturscheune-oesterwurth',
    kind: 'FUNDING',
    title: 'Zuschuss für Bühnentechnik',
    quantity: 1500,
    unit: 'EUR',
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['foerderung', 'kultur', 'technik'],
    deadlineInDays: 45,
    pledges: [],
  },
  {
    key: 'need-vorlesepaten',
    actorKey: 'kita-buesum',
    kind: 'HELPERS',
    title: 'Vorlesepatinnen und -paten',
    quantity: 3,
    unit: 'Personen',
    urgency: 'LOW',
    visibility: 'PUBLIC',
    tags: ['vorlesen', 'kinder', 'bildung', 'helfer'],
    deadlineInDays: 30,
    pledges: [
      {
        volunteerName: 'Silke Rehder',
        volunteerEmail: 'silke.rehder@example.org',
        quantity: 1,
        status: 'PENDING',
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Offers (fictional)
// ---------------------------------------------------------------------------

export const DEMO_OFFERS: SeedOffer[] = [
  {
    key: 'offer-ff-buesum-biertische',
    actorKey: 'ff-buesum',
    kind: 'EQUIPMENT',
    title: 'Biertischgarnituren zum Ausleihen',
    description: 'Abholung am Gerätehaus nach Absprache.',
    quantity: 20,
    unit: 'Garnituren',
    tags: ['biertischgarnitur', 'fest', 'ausleihe'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-ff-westerdeichstrich-zelt',
    actorKey: 'ff-westerdeichstrich',
    kind: 'EQUIPMENT',
    title: 'Festzelt 6 x 12 m',
    quantity: 1,
    unit: 'Zelt',
    tags: ['zelt', 'fest', 'dorffest', 'ausleihe'],
    visibility: 'PUBLIC',
    availableFromInDays: 0,
    availableUntilInDays: 90,
  },
  {
    key: 'offer-ff-hedwigenkoog-pavillons',
    actorKey: 'ff-hedwigenkoog',
    kind: 'EQUIPMENT',
    title: 'Pavillonzelte 3 x 3 m',
    quantity: 4,
    unit: 'Zelte',
    tags: ['zelt', 'fest', 'ausleihe'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-ff-reinsbuettel-zelte',
    actorKey: 'ff-reinsbuettel',
    kind: 'EQUIPMENT',
    title: 'Zelte und Stehtische',
    quantity: 3,
    unit: 'Zelte',
    tags: ['zelt', 'stehtisch', 'fest', 'ausleihe'],
    visibility: 'NETWORK',
  },
  {
    key: 'offer-kg-buesum-biertische',
    actorKey: 'kg-buesum',
    kind: 'EQUIPMENT',
    title: 'Biertischgarnituren aus dem Gemeindehaus',
    quantity: 10,
    unit: 'Garnituren',
    tags: ['biertischgarnitur', 'fest', 'ausleihe'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-kg-buesum-raum',
    actorKey: 'kg-buesum',
    kind: 'ROOM',
    title: 'Gruppenraum im Gemeindehaus Büsum',
    description: 'Für bis zu 25 Personen, werktags ab 14 Uhr.',
    quantity: 1,
    unit: 'Raum',
    tags: ['raum', 'gemeindehaus', 'treffpunkt', 'bildung'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-kg-wesselburen-raum',
    actorKey: 'kg-wesselburen',
    kind: 'ROOM',
    title: 'Jugendkeller und Gemeindesaal Wesselburen',
    quantity: 2,
    unit: 'Räume',
    tags: ['raum', 'gemeindehaus', 'jugend', 'nachhilfe', 'treffpunkt'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-turnhalle-buesum',
    actorKey: 'gems-buesum',
    kind: 'ROOM',
    title: 'Turnhalle am Wochenende',
    quantity: 1,
    unit: 'Halle',
    tags: ['raum', 'turnhalle', 'sport', 'sportfest'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-schulkueche-wesselburen',
    actorKey: 'gems-wesselburen',
    kind: 'ROOM',
    title: 'Schulküche für Kurse am Nachmittag',
    quantity: 1,
    unit: 'Raum',
    tags: ['raum', 'kueche', 'bildung'],
    visibility: 'NETWORK',
  },
  {
    key: 'offer-amt-beamer',
    actorKey: 'amt-bw-verwaltung',
    kind: 'EQUIPMENT',
    title: 'Beamer und Leinwand',
    quantity: 2,
    unit: 'Sets',
    tags: ['beamer', 'technik', 'ausleihe', 'digitales'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-kohlhof-anhaenger',
    actorKey: 'firma-kohlhof',
    kind: 'TRANSPORT',
    title: 'Anhänger mit Zugmaschine',
    description: 'Nach Absprache außerhalb der Erntezeit.',
    quantity: 1,
    unit: 'Anhänger',
    tags: ['anhaenger', 'transport', 'ausleihe'],
    visibility: 'PUBLIC',
    availableFromInDays: 0,
    availableUntilInDays: 45,
  },
  {
    key: 'offer-kutterhof-kuehlanhaenger',
    actorKey: 'firma-kutterhof',
    kind: 'EQUIPMENT',
    title: 'Kühlanhänger für Veranstaltungen',
    quantity: 1,
    unit: 'Anhänger',
    tags: ['kuehlung', 'anhaenger', 'fest', 'tafel', 'ausleihe'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-vereinsbus',
    actorKey: 'buergerbus',
    kind: 'TRANSPORT',
    title: 'Vereinsbus mit 8 Sitzplätzen',
    description: 'Mit ehrenamtlicher Fahrerin oder ehrenamtlichem Fahrer.',
    quantity: 8,
    unit: 'Sitzplätze',
    tags: ['transport', 'vereinsbus', 'fahrdienst', 'senioren'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-fahrdienst-agentur',
    actorKey: 'freiwilligenagentur',
    kind: 'TRANSPORT',
    title: 'Ehrenamtlicher Fahrdienst für Seniorinnen und Senioren',
    quantity: 5,
    unit: 'Fahrten pro Woche',
    tags: ['transport', 'fahrdienst', 'senioren'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-jf-aufbau',
    actorKey: 'jf-buesum',
    kind: 'HELPERS',
    title: 'Jugendfeuerwehr hilft beim Aufbau',
    description: 'Gruppe mit Betreuern für Auf- und Abbau bei Festen.',
    quantity: 6,
    unit: 'Personen',
    tags: ['aufbau', 'helfer', 'fest', 'jugend'],
    visibility: 'PUBLIC',
    availableFromInDays: 1,
    availableUntilInDays: 60,
  },
  {
    key: 'offer-steuerberatung',
    actorKey: 'buergerstiftung',
    kind: 'EXPERTISE',
    title: 'Steuerberatung für Vereine',
    description: 'Pro-bono-Sprechstunde einer Steuerberaterin aus dem Stiftungsbeirat.',
    quantity: 4,
    unit: 'Stunden pro Monat',
    tags: ['steuer', 'gemeinnuetzigkeit', 'beratung', 'finanzen'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-webseiten',
    actorKey: 'gems-wesselburen',
    kind: 'EXPERTISE',
    title: 'Webseiten für Vereine (Schülerfirma)',
    quantity: 3,
    unit: 'Projekte',
    tags: ['webseite', 'digitales', 'beratung'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-vereinsrecht-sprechstunde',
    actorKey: 'rolle-ehrenamtskoordination',
    kind: 'EXPERTISE',
    title: 'Sprechstunde Vereinsrecht und Versicherung',
    quantity: 2,
    unit: 'Stunden pro Woche',
    tags: ['vereinsrecht', 'beratung', 'satzung', 'versicherung'],
    visibility: 'NETWORK',
  },
  {
    key: 'offer-freiwillige-vermittlung',
    actorKey: 'freiwilligenagentur',
    kind: 'HELPERS',
    title: 'Vermittlung von Freiwilligen für Einsätze',
    tags: ['helfer', 'ehrenamt', 'fest', 'beach-cleanup'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-landfrauen-kuchen',
    actorKey: 'landfrauen',
    kind: 'OTHER',
    title: 'Kuchenbuffet für Feste',
    quantity: 2,
    unit: 'Buffets pro Monat',
    tags: ['fest', 'dorffest', 'verpflegung'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-shanty-auftritt',
    actorKey: 'shanty-chor',
    kind: 'OTHER',
    title: 'Auftritt bei Festen',
    tags: ['musik', 'fest', 'hafenfest'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-spielmannszug',
    actorKey: 'spielmannszug',
    kind: 'OTHER',
    title: 'Musikalische Begleitung für Umzüge',
    tags: ['musik', 'laternenumzug', 'umzug'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-schulklassen-umwelt',
    actorKey: 'gems-buesum',
    kind: 'HELPERS',
    title: 'Schulklassen helfen bei Umweltaktionen',
    quantity: 25,
    unit: 'Personen',
    tags: ['beach-cleanup', 'umwelt', 'helfer', 'jugend'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-digitalpaten-hilfe',
    actorKey: 'digitalpaten',
    kind: 'EXPERTISE',
    title: 'Smartphone-Hilfe für Vereine und Senioren',
    tags: ['digitales', 'senioren', 'beratung'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-sprachmittlung',
    actorKey: 'willkommensinitiative',
    kind: 'EXPERTISE',
    title: 'Sprachmittlung Ukrainisch',
    quantity: 1,
    unit: 'Person',
    tags: ['integration', 'sprache', 'dolmetschen'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-dlrg-sanitaetsdienst',
    actorKey: 'dlrg',
    kind: 'HELPERS',
    title: 'Sanitätsdienst bei Veranstaltungen',
    quantity: 4,
    unit: 'Personen',
    tags: ['sanitaetsdienst', 'fest', 'rettung', 'sicherheit'],
    visibility: 'PUBLIC',
  },
  {
    key: 'offer-tonanlage',
    actorKey: 'kulturkreis-wesselburen',
    kind: 'EQUIPMENT',
    title: 'Tonanlage mit Mikrofonen',
    quantity: 1,
    unit: 'Anlage',
    tags: ['technik', 'musik', 'fest', 'ausleihe'],
    visibility: 'PUBLIC',
  },
];

// ---------------------------------------------------------------------------
// Self-check
// ---------------------------------------------------------------------------

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns a list of consistency problems in the demo data; empty when everything is fine. */
export function checkDemoData(): string[] {
  const problems: string[] = [];

  const regionKeys = new Set<string>();
  for (const r of DEMO_REGIONS) {
    if (regionKeys.has(r.key)) problems.push(`duplicate region key ${r.key}`);
    regionKeys.add(r.key);
  }
  for (const r of DEMO_REGIONS) {
    if (r.parentKey !== null && !regionKeys.has(r.parentKey)) {
      problems.push(`region ${r.key}: unknown parent ${r.parentKey}`);
    }
  }

  const actorKeys = new Set<string>();
  for (const a of DEMO_ACTORS) {
    if (actorKeys.has(a.key)) problems.push(`duplicate actor key ${a.key}`);
    actorKeys.add(a.key);
  }
  for (const a of DEMO_ACTORS) {
    if (!regionKeys.has(a.regionKey))
      problems.push(`actor ${a.key}: unknown region ${a.regionKey}`);
    if (a.kind !== 'SCHOOL' && (a.schoolType !== undefined || a.pupilCount !== undefined)) {
      problems.push(`actor ${a.key}: school fields on ${a.kind}`);
    }
    if (
      a.kind !== 'CLUB' &&
      (a.memberCount !== undefined ||
        a.registeredAssociation !== undefined ||
        a.openBoardPositions !== undefined)
    ) {
      problems.push(`actor ${a.key}: club fields on ${a.kind}`);
    }
    if (a.kind !== 'INITIATIVE' && a.foundedOn !== undefined) {
      problems.push(`actor ${a.key}: foundedOn on ${a.kind}`);
    }
    if (a.foundedOn !== undefined && !DATE_RE.test(a.foundedOn)) {
      problems.push(`actor ${a.key}: bad foundedOn ${a.foundedOn}`);
    }
    if (a.kind !== 'NETWORK_ROLE' && (a.roleTitle !== undefined || a.hostedByKey !== undefined)) {
      problems.push(`actor ${a.key}: network-role fields on ${a.kind}`);
    }
    if (a.kind === 'NETWORK_ROLE' && !a.roleTitle) {
      problems.push(`actor ${a.key}: NETWORK_ROLE without roleTitle`);
    }
    if (a.hostedByKey !== undefined && !actorKeys.has(a.hostedByKey)) {
      problems.push(`actor ${a.key}: unknown hostedByKey ${a.hostedByKey}`);
    }
    if (
      a.email !== undefined &&
      !a.email.endsWith('.example.org') &&
      !a.email.endsWith('@example.org')
    ) {
      problems.push(`actor ${a.key}: e-mail outside example.org`);
    }
  }

  DEMO_COOPERATIONS.forEach((c, i) => {
    const label = `cooperation #${i} (${c.title})`;
    const distinct = new Set(c.participantKeys);
    if (distinct.size < 2) problems.push(`${label}: fewer than 2 distinct participants`);
    if (distinct.size !== c.participantKeys.length)
      problems.push(`${label}: duplicate participant`);
    for (const k of c.participantKeys) {
      if (!actorKeys.has(k)) problems.push(`${label}: unknown participant ${k}`);
    }
    for (const d of [c.startedOn, c.endedOn]) {
      if (d !== undefined && !DATE_RE.test(d)) problems.push(`${label}: bad date ${d}`);
    }
    if (c.status === 'ENDED') {
      if (!c.startedOn || !c.endedOn || c.endedOn <= c.startedOn) {
        problems.push(`${label}: ENDED needs endedOn after startedOn`);
      }
    } else if (c.endedOn !== undefined) {
      problems.push(`${label}: endedOn on ${c.status} cooperation`);
    }
  });

  const needKeys = new Set<string>();
  for (const n of DEMO_NEEDS) {
    if (needKeys.has(n.key)) problems.push(`duplicate need key ${n.key}`);
    needKeys.add(n.key);
    if (!actorKeys.has(n.actorKey)) problems.push(`need ${n.key}: unknown actor ${n.actorKey}`);
    if (!(n.quantity > 0)) problems.push(`need ${n.key}: quantity must be positive`);
    let booked = 0;
    const emails = new Set<string>();
    for (const p of n.pledges) {
      if (!(p.quantity > 0)) problems.push(`need ${n.key}: pledge quantity must be positive`);
      if (p.byActorKey === undefined && p.volunteerName === undefined) {
        problems.push(`need ${n.key}: pledge without actor or volunteer`);
      }
      if (p.byActorKey !== undefined) {
        if (!actorKeys.has(p.byActorKey))
          problems.push(`need ${n.key}: unknown pledger ${p.byActorKey}`);
        if (p.byActorKey === n.actorKey) problems.push(`need ${n.key}: actor pledges to itself`);
      }
      if (p.volunteerEmail !== undefined) {
        const e = p.volunteerEmail.toLowerCase();
        if (emails.has(e)) problems.push(`need ${n.key}: duplicate volunteer e-mail ${e}`);
        emails.add(e);
        if (!e.endsWith('@example.org')) problems.push(`need ${n.key}: e-mail outside example.org`);
      }
      if (p.status === 'PENDING' || p.status === 'CONFIRMED') booked += p.quantity;
    }
    if (booked > n.quantity) problems.push(`need ${n.key}: overbooked (${booked} > ${n.quantity})`);
  }

  const offerKeys = new Set<string>();
  for (const o of DEMO_OFFERS) {
    if (offerKeys.has(o.key) || needKeys.has(o.key)) problems.push(`duplicate offer key ${o.key}`);
    offerKeys.add(o.key);
    if (!actorKeys.has(o.actorKey)) problems.push(`offer ${o.key}: unknown actor ${o.actorKey}`);
    if (
      o.availableFromInDays !== undefined &&
      o.availableUntilInDays !== undefined &&
      o.availableUntilInDays < o.availableFromInDays
    ) {
      problems.push(`offer ${o.key}: availability ends before it starts`);
    }
  }

  return problems;
}
