/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD */
  Date: { input: string; output: string; }
  /** An instant in ISO 8601 with offset, e.g. 2026-06-13T08:00:00.000Z */
  DateTime: { input: string; output: string; }
};

/** A person who signs in: a club's board member, a coordinator, a pilot. */
export type Account = Node & {
  __typename?: 'Account';
  /** Actors this account acts for. */
  actors: Array<Actor>;
  /** When the account was created (invited). */
  createdAt: Scalars['DateTime']['output'];
  /** The name shown for the person, e.g. Anke Petersen. */
  displayName: Scalars['String']['output'];
  /** Shown to the account itself, and to coordinators and admins. */
  email?: Maybe<Scalars['String']['output']>;
  /** Global id (Relay) of this account. */
  id: Scalars['ID']['output'];
  /** When it last signed in; null before that. */
  lastSignInAt?: Maybe<Scalars['DateTime']['output']>;
  /** The pilot (Ehrenamtslotse) this account signs in as, if any. */
  pilot?: Maybe<Pilot>;
  /** Regions this account coordinates. */
  regions: Array<Region>;
  /** What the account may do once signed in. */
  role: Role;
};

/** A page of accounts (Zugänge) (Relay cursor connection): first/after or last/before. */
export type AccountConnection = {
  __typename?: 'AccountConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<AccountEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<Account>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the accounts (Zugänge) of a page, with its cursor. */
export type AccountEdge = {
  __typename?: 'AccountEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Account;
};

/** One thing that happened in the network, in the hub's ordered log. */
export type Activity = {
  __typename?: 'Activity';
  /** Opaque position; pass it as `after` to resume. */
  cursor: Scalars['String']['output'];
  /** When it was recorded (committed). */
  occurredAt: Scalars['DateTime']['output'];
  /** The region it happened in. */
  region: Region;
  /** The record it is about, as the caller may see it. */
  subject: Node;
  /** A short German sentence, free of private persons' data. */
  summary: Scalars['String']['output'];
  /** What happened. */
  type: ActivityType;
};

/** A page of activities, newest first (Relay cursor connection): first/after or last/before. */
export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  /** The activities of this page, each with its cursor. */
  edges: Array<ActivityEdge>;
  /** The activities of this page without cursors. */
  nodes: Array<Activity>;
  /** Cursors of this page's ends and whether more activities come before or after it. */
  pageInfo: PageInfo;
};

/** One activity of a page, with its cursor. */
export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  /** Opaque position of this activity; pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The activity itself. */
  node: Activity;
};

/** What happened, in the activity log of the hub. */
export type ActivityType =
  /** An actor (school, club, initiative ...) was added to the hub. */
  | 'ACTOR_CREATED'
  /** A funding application was decided. */
  | 'APPLICATION_DECIDED'
  /** A funding application (Förderantrag) was submitted. */
  | 'APPLICATION_SUBMITTED'
  /** A booking of an offer was confirmed. */
  | 'BOOKING_CONFIRMED'
  /** A booking of an offer was requested (Ausleihe). */
  | 'BOOKING_REQUESTED'
  /** A campaign ended. */
  | 'CAMPAIGN_ENDED'
  /** Someone pledged money to a campaign (Spendenaktion). */
  | 'CAMPAIGN_PLEDGED'
  /** A pilot answered a consultation. */
  | 'CONSULTATION_ANSWERED'
  /** A question for the pilots (Lotsen) came in. */
  | 'CONSULTATION_ASKED'
  /** A cooperation (Kooperation) between actors was recorded. */
  | 'COOPERATION_CREATED'
  /** An event was cancelled (abgesagt). */
  | 'EVENT_CANCELLED'
  /** An event has no seats left. */
  | 'EVENT_FULL'
  /** Someone registered for an event (Anmeldung). */
  | 'EVENT_REGISTRATION'
  /** An event (Veranstaltung) was scheduled. */
  | 'EVENT_SCHEDULED'
  /** A need became fully pledged. */
  | 'NEED_FILLED'
  /** A need (Bedarf) was published. */
  | 'NEED_OPENED'
  /** A news post (Aktuelles) was published. */
  | 'NEWS_PUBLISHED'
  /** An actor or a volunteer pledged part of a need (Zusage). */
  | 'PLEDGE_MADE'
  /** A survey (Umfrage) was opened. */
  | 'SURVEY_OPENED'
  /** An actor answered a survey. */
  | 'SURVEY_RESPONDED';

/** An organisation or role that takes part in regional engagement. */
export type Actor = {
  /** Cooperations (Kooperationen) it takes part in, newest first; PROPOSED ones only for signed-in callers. */
  cooperations: CooperationConnection;
  /** When the actor was added to the hub. */
  createdAt: Scalars['DateTime']['output'];
  /** What the actor does, in its own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global id (Relay) of this actor. */
  id: Scalars['ID']['output'];
  /** What kind of actor it is; decides its object type (School, Club, ...). */
  kind: ActorKind;
  /** Where it is on the map, where known. */
  location?: Maybe<GeoPoint>;
  /** Name as the actor itself writes it, e.g. Sportverein Büsum. */
  name: Scalars['String']['output'];
  /** Needs (Bedarfe) of this actor visible to the caller, newest first. */
  needs: NeedConnection;
  /** Active offers (Angebote) of this actor visible to the caller, newest first. */
  offers: OfferConnection;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away. */
  partners: Array<Actor>;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away, nearest first, each with its distance. */
  partnersWithDistance: Array<PartnerWithDistance>;
  /** The organisation's public contact channel; never a private person's data. */
  publicContact?: Maybe<ContactInfo>;
  /** The region it belongs to (usually its municipality). */
  region: Region;
  /** Topics (Themen) it works on, lower case, e.g. jugend, sport, senioren. */
  topics: Array<Scalars['String']['output']>;
  /** When the actor was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its website, an http(s) URL. */
  website?: Maybe<Scalars['String']['output']>;
};


/** An organisation or role that takes part in regional engagement. */
export type ActorCooperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** An organisation or role that takes part in regional engagement. */
export type ActorNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<NeedStatus>>;
};


/** An organisation or role that takes part in regional engagement. */
export type ActorOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** An organisation or role that takes part in regional engagement. */
export type ActorPartnersArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** An organisation or role that takes part in regional engagement. */
export type ActorPartnersWithDistanceArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};

/** A page of actors (Akteure) (Relay cursor connection): first/after or last/before. */
export type ActorConnection = {
  __typename?: 'ActorConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<ActorEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<Actor>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the actors (Akteure) of a page, with its cursor. */
export type ActorEdge = {
  __typename?: 'ActorEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Actor;
};

/** Which actors to list; conditions combine with AND. */
export type ActorFilter = {
  /** Only actors of these kinds. */
  kinds?: InputMaybe<Array<ActorKind>>;
  /** Only actors with a location within this radius. */
  near?: InputMaybe<NearInput>;
  /** Includes every region below it. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** Full-text search (German stemming) over name, description and topics. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Actors with ANY of these topics (overlap); combine with other filters to narrow down. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Kinds of actors (Akteure) in regional engagement. */
export type ActorKind =
  /** An advisory board (Beirat), e.g. a Seniorenbeirat. */
  | 'ADVISORY_BOARD'
  /** A club (Verein), e.g. a sports club or a Heimatverein. */
  | 'CLUB'
  /** A company (Unternehmen). */
  | 'COMPANY'
  /** A volunteer fire brigade (Freiwillige Feuerwehr). */
  | 'FIRE_BRIGADE'
  /** A foundation (Stiftung). */
  | 'FOUNDATION'
  /** A citizens' initiative or informal group (Initiative). */
  | 'INITIATIVE'
  /** A municipality or Amt as an actor (Gemeinde, Amtsverwaltung). */
  | 'MUNICIPALITY'
  /** A coordinating role, e.g. Ehrenamtskoordinatorin. */
  | 'NETWORK_ROLE'
  /** Any other kind of actor. */
  | 'OTHER'
  /** A religious community, e.g. a Kirchengemeinde. */
  | 'RELIGIOUS_COMMUNITY'
  /** A school (Schule). */
  | 'SCHOOL'
  /** A volunteer agency (Freiwilligenagentur). */
  | 'VOLUNTEER_AGENCY';

/** Actors that look like duplicate structures: similar purpose, same area, no cooperation between them. */
export type ActorOverlap = {
  __typename?: 'ActorOverlap';
  /** The actors that look alike, two or more. */
  actors: Array<Actor>;
  /** How alike their topics are, 0.5 to 1 (Jaccard similarity). */
  score: Scalars['Float']['output'];
  /** Topics they all work on. */
  sharedTopics: Array<Scalars['String']['output']>;
};

/** Where a funding application (Förderantrag) stands. */
export type ApplicationStatus =
  /** Granted; the amount is committed against the budget. */
  | 'APPROVED'
  /** Being written; only the applicant's members see it. */
  | 'DRAFT'
  /** The quorum of board reviews is in and most do not approve. */
  | 'NOT_RECOMMENDED'
  /** The approved amount is paid out in full. */
  | 'PAID'
  /** The quorum of board reviews is in and most say approve. */
  | 'RECOMMENDED'
  /** Not granted. */
  | 'REJECTED'
  /** The use report is in; unspent money went back to the programme. */
  | 'REPORTED'
  /** Handed in; the board reviews it. */
  | 'SUBMITTED'
  /** Taken back by the applicant before a decision. */
  | 'WITHDRAWN';

/** A new application, saved as a DRAFT. */
export type ApplyForFundingInput = {
  /** The actor that applies (the caller acts for it). */
  applicantId: Scalars['ID']['input'];
  /** A FUNDING need of the applicant it covers. */
  needId?: InputMaybe<Scalars['ID']['input']>;
  /** The funding programme. */
  programmeId: Scalars['ID']['input'];
  /** What the money is for, 1 to 10000 characters. */
  purpose: Scalars['String']['input'];
  /** The amount asked for, in cents (at most the maximum grant). */
  requestedCents: Scalars['Int']['input'];
  /** A short title of the project, 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** A question for the pilots, asked for an actor. */
export type AskPilotsInput = {
  /** The actor asking; the caller must be one of its members. */
  actorId: Scalars['ID']['input'];
  /** The area the question belongs to. */
  area: ExpertiseArea;
  /** The question, 1 to 10000 characters; confidential. */
  question: Scalars['String']['input'];
  /** A short subject, 1 to 200 characters. */
  subject: Scalars['String']['input'];
};

/** One mutation: who, what, which records, when. No personal values. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** When the mutation was committed. */
  occurredAt: Scalars['DateTime']['output'];
  /** Name of the mutation, e.g. updateNeed. */
  operation: Scalars['String']['output'];
  /** Role of the caller at the time, e.g. COORDINATOR. */
  role: Scalars['String']['output'];
  /** Subject of the token that made the change, or "anonymous". */
  subject: Scalars['String']['output'];
  /** Global ids of the records the mutation touched. */
  targetIds: Array<Scalars['String']['output']>;
  /** The records the mutation touched, with their names, in the order of targetIds. */
  targets: Array<AuditTarget>;
};

/** A page of audit entries (Protokolleinträge) (Relay cursor connection): first/after or last/before. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<AuditEntryEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<AuditEntry>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the audit entries (Protokolleinträge) of a page, with its cursor. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: AuditEntry;
};

/** A record a mutation touched, with the name people know it by. */
export type AuditTarget = {
  __typename?: 'AuditTarget';
  /** Global id of the record. */
  id: Scalars['ID']['output'];
  /** Its name or title as it is now; null when it no longer exists or has no public name (a pledge's is its volunteer's, a private person's). */
  name?: Maybe<Scalars['String']['output']>;
  /** Its type, e.g. Need; null for an id the hub cannot read. */
  type?: Maybe<Scalars['String']['output']>;
};

/** A board member's review of an application. */
export type BoardReview = {
  __typename?: 'BoardReview';
  /** A reason or remark. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When it was given. */
  createdAt: Scalars['DateTime']['output'];
  /** The amount the member recommends, in cents. */
  recommendedCents?: Maybe<Scalars['Int']['output']>;
  /** Display name of the reviewing board member. */
  reviewer: Scalars['String']['output'];
  /** The vote. */
  vote: ReviewVote;
};

/** A club (Verein), registered (e.V.) or not. */
export type Club = Actor & Node & {
  __typename?: 'Club';
  /** Cooperations (Kooperationen) it takes part in, newest first; PROPOSED ones only for signed-in callers. */
  cooperations: CooperationConnection;
  /** When the actor was added to the hub. */
  createdAt: Scalars['DateTime']['output'];
  /** What the actor does, in its own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global id (Relay) of this actor. */
  id: Scalars['ID']['output'];
  /** What kind of actor it is; decides its object type (School, Club, ...). */
  kind: ActorKind;
  /** Where it is on the map, where known. */
  location?: Maybe<GeoPoint>;
  /** Number of members (Mitglieder), where known. */
  memberCount?: Maybe<Scalars['Int']['output']>;
  /** Name as the actor itself writes it, e.g. Sportverein Büsum. */
  name: Scalars['String']['output'];
  /** Needs (Bedarfe) of this actor visible to the caller, newest first. */
  needs: NeedConnection;
  /** Active offers (Angebote) of this actor visible to the caller, newest first. */
  offers: OfferConnection;
  /** Board positions (Vorstandsposten) that need a successor. */
  openBoardPositions: Array<Scalars['String']['output']>;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away. */
  partners: Array<Actor>;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away, nearest first, each with its distance. */
  partnersWithDistance: Array<PartnerWithDistance>;
  /** The organisation's public contact channel; never a private person's data. */
  publicContact?: Maybe<ContactInfo>;
  /** The region it belongs to (usually its municipality). */
  region: Region;
  /** Registered association (e.V.) */
  registeredAssociation: Scalars['Boolean']['output'];
  /** Topics (Themen) it works on, lower case, e.g. jugend, sport, senioren. */
  topics: Array<Scalars['String']['output']>;
  /** When the actor was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its website, an http(s) URL. */
  website?: Maybe<Scalars['String']['output']>;
};


/** A club (Verein), registered (e.V.) or not. */
export type ClubCooperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A club (Verein), registered (e.V.) or not. */
export type ClubNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<NeedStatus>>;
};


/** A club (Verein), registered (e.V.) or not. */
export type ClubOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A club (Verein), registered (e.V.) or not. */
export type ClubPartnersArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A club (Verein), registered (e.V.) or not. */
export type ClubPartnersWithDistanceArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};

/** A question an actor asks the pilot pool. Confidential: visible to the asking actor's members, the assigned pilot and coordinators of the actor's region; absent for everyone else. */
export type Consultation = Node & {
  __typename?: 'Consultation';
  /** The actor that asked. */
  actor: Actor;
  /** The area the question belongs to. */
  area: ExpertiseArea;
  /** When it was asked. */
  createdAt: Scalars['DateTime']['output'];
  /** When an answer is due: 14 days after asking unless a coordinator sets another date. */
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global id (Relay) of this consultation. */
  id: Scalars['ID']['output'];
  /** The thread, oldest first. */
  messages: Array<ConsultationMessage>;
  /** The assigned pilot. */
  pilot?: Maybe<Pilot>;
  /** The question as the actor asked it. */
  question: Scalars['String']['output'];
  /** Where the consultation stands. */
  status: ConsultationStatus;
  /** A short subject line, 1 to 200 characters. */
  subject: Scalars['String']['output'];
  /** Pilots who fit, best first; for coordinators. */
  suggestedPilots: Array<PilotSuggestion>;
  /** When it last changed (a reply, an assignment). */
  updatedAt: Scalars['DateTime']['output'];
};


/** A question an actor asks the pilot pool. Confidential: visible to the asking actor's members, the assigned pilot and coordinators of the actor's region; absent for everyone else. */
export type ConsultationSuggestedPilotsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of consultations (Anfragen an die Lotsen) (Relay cursor connection): first/after or last/before. */
export type ConsultationConnection = {
  __typename?: 'ConsultationConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<ConsultationEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<Consultation>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the consultations (Anfragen an die Lotsen) of a page, with its cursor. */
export type ConsultationEdge = {
  __typename?: 'ConsultationEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Consultation;
};

/** Which consultations to list. */
export type ConsultationFilter = {
  /** Only these areas. */
  areas?: InputMaybe<Array<ExpertiseArea>>;
  /** true: only overdue ones (past dueAt, not answered): the coordinator's feed. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only those assigned to this pilot. */
  pilotId?: InputMaybe<Scalars['ID']['input']>;
  /** The region, with everything below it. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these statuses. */
  status?: InputMaybe<Array<ConsultationStatus>>;
};

/** One message of a consultation thread. */
export type ConsultationMessage = {
  __typename?: 'ConsultationMessage';
  /** Display name of the author: the pilot, the asking actor, or the coordination. */
  author: Scalars['String']['output'];
  /** The text of the message. */
  body: Scalars['String']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** Id of the message within the hub. */
  id: Scalars['ID']['output'];
};

/** Where a consultation (Anfrage an die Lotsen) stands. */
export type ConsultationStatus =
  /** The pilot replied. */
  | 'ANSWERED'
  /** A coordinator assigned a pilot; no answer yet. */
  | 'ASSIGNED'
  /** Done; no more replies. */
  | 'CLOSED'
  /** Asked; no pilot assigned yet. */
  | 'OPEN'
  /** The asking actor took the question back. */
  | 'WITHDRAWN';

/** Public contact channel of an organisation: e-mail, phone, postal address. */
export type ContactInfo = {
  __typename?: 'ContactInfo';
  /** Postal address on one line (Straße, PLZ Ort). */
  address?: Maybe<Scalars['String']['output']>;
  /** Public e-mail address. */
  email?: Maybe<Scalars['String']['output']>;
  /** Public phone number, as written by the organisation. */
  phone?: Maybe<Scalars['String']['output']>;
};

/** Public contact channel of an organisation; leave out what it does not publish. */
export type ContactInfoInput = {
  /** Postal address on one line (Straße, PLZ Ort). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Public e-mail address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Public phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** Where and when people can reach the coordination in person. */
export type ContactPoint = Node & {
  __typename?: 'ContactPoint';
  /** Access notes, e.g. barrierefrei, Klingel links. */
  accessibility?: Maybe<Scalars['String']['output']>;
  /** Postal address on one line. */
  address?: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What to expect there, in German. */
  description?: Maybe<Scalars['String']['output']>;
  /** Days that differ from the rules. */
  exceptions: Array<OpeningException>;
  /** The actor whose premises host it, e.g. a village community centre. */
  hostedBy?: Maybe<Actor>;
  /** The recurring hours. */
  hours: Array<OpeningRule>;
  /** Absolute URL of an iCalendar (RFC 5545) feed of the openings. */
  icalUrl: Scalars['String']['output'];
  /** Global id (Relay) of this contact point. */
  id: Scalars['ID']['output'];
  /** Central office, branch office or remote. */
  kind: ContactPointKind;
  /** Where it is, where known. */
  location?: Maybe<GeoPoint>;
  /** e.g. Sprechstunde im Dorfgemeinschaftshaus Oesterdeichstrich. */
  name: Scalars['String']['output'];
  /** Open at this moment, exceptions applied. */
  openNow: Scalars['Boolean']['output'];
  /** Concrete openings from `from` (default now) until `until`, exceptions applied, in start order. */
  openings: Array<Opening>;
  /** The region it serves. */
  region: Region;
  /** The network roles that staff it. */
  staffedBy: Array<Actor>;
  /** When it was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Who may see it (PUBLIC or NETWORK). */
  visibility: Visibility;
};


/** Where and when people can reach the coordination in person. */
export type ContactPointOpeningsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A page of contact points (Anlaufstellen) (Relay cursor connection): first/after or last/before. */
export type ContactPointConnection = {
  __typename?: 'ContactPointConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<ContactPointEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<ContactPoint>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the contact points (Anlaufstellen) of a page, with its cursor. */
export type ContactPointEdge = {
  __typename?: 'ContactPointEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: ContactPoint;
};

/** Which contact points to list. */
export type ContactPointFilter = {
  /** Only these kinds. */
  kinds?: InputMaybe<Array<ContactPointKind>>;
  /** Only those within this radius. */
  near?: InputMaybe<NearInput>;
  /** Only those open at this instant. */
  openAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Includes every region below it. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
};

/** What kind of contact point (Anlaufstelle) it is. */
export type ContactPointKind =
  /** A regular office hour in a village, e.g. in a Dorfgemeinschaftshaus (Aussenstelle). */
  | 'BRANCH_OFFICE'
  /** The central office (zentrale Anlaufstelle). */
  | 'CENTRAL_OFFICE'
  /** By phone or video. */
  | 'REMOTE';

/** A cooperation between two or more actors. */
export type Cooperation = Node & {
  __typename?: 'Cooperation';
  /** When it was added to the hub. */
  createdAt: Scalars['DateTime']['output'];
  /** What the partners do together. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it ended, where known. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  /** Global id (Relay) of this cooperation. */
  id: Scalars['ID']['output'];
  /** What kind of cooperation it is. */
  kind: CooperationKind;
  /** The actors that take part, by name. */
  participants: Array<Actor>;
  /** When it began, where known. */
  startedOn?: Maybe<Scalars['Date']['output']>;
  /** Whether it is proposed, active or ended; PROPOSED ones are shown to signed-in callers only. */
  status: CooperationStatus;
  /** Short title, e.g. Ganztagsangebot Schwimmen. */
  title: Scalars['String']['output'];
  /** When it was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of cooperations (Kooperationen) (Relay cursor connection): first/after or last/before. */
export type CooperationConnection = {
  __typename?: 'CooperationConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<CooperationEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<Cooperation>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the cooperations (Kooperationen) of a page, with its cursor. */
export type CooperationEdge = {
  __typename?: 'CooperationEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Cooperation;
};

/** Kinds of cooperation (Kooperation) between actors. */
export type CooperationKind =
  /** A standing partnership (Partnerschaft). */
  | 'PARTNERSHIP'
  /** The partners share rooms, equipment or vehicles (Ressourcen teilen). */
  | 'RESOURCE_SHARING'
  /** A school works with an outside partner (Schulkooperation), e.g. in the Ganztag. */
  | 'SCHOOL_COOPERATION'
  /** A project the partners run together (gemeinsames Projekt). */
  | 'SHARED_PROJECT'
  /** One partner sponsors another (Förderung, Sponsoring). */
  | 'SPONSORSHIP'
  /** Membership in an umbrella organisation (Dachverband), e.g. a Kreissportverband. */
  | 'UMBRELLA_MEMBERSHIP';

/** Where a cooperation stands. */
export type CooperationStatus =
  /** Agreed and running. */
  | 'ACTIVE'
  /** Over; kept for the history of the network. */
  | 'ENDED'
  /** Suggested, not yet agreed; shown to signed-in callers only. */
  | 'PROPOSED';

/** An actor that could become a partner, with the reasons. */
export type CooperationSuggestion = {
  __typename?: 'CooperationSuggestion';
  /** The suggested partner. */
  actor: Actor;
  /** Readable reasons, e.g. same municipality, shared topics, a common partner. */
  reasons: Array<Scalars['String']['output']>;
  /** How strong the suggestion is; higher is better, at least 2. */
  score: Scalars['Float']['output'];
  /** Topics both actors work on. */
  sharedTopics: Array<Scalars['String']['output']>;
};

/** A new actor; the fields for one kind only (schoolType, memberCount, roleTitle, ...) are refused for others. */
export type CreateActorInput = {
  /** What the actor does, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** INITIATIVE only: when it started. */
  foundedOn?: InputMaybe<Scalars['Date']['input']>;
  /** NETWORK_ROLE only: the organisation that hosts the role, e.g. the Amt. */
  hostedById?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of actor it is; cannot be changed later. */
  kind: ActorKind;
  /** Where it is on the map. */
  location?: InputMaybe<GeoPointInput>;
  /** CLUB only: number of members. */
  memberCount?: InputMaybe<Scalars['Int']['input']>;
  /** Name, 2 to 200 characters. */
  name: Scalars['String']['input'];
  /** CLUB only: board positions (Vorstandsposten) that need a successor. */
  openBoardPositions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Public contact channel of the organisation; never a private person's data. */
  publicContact?: InputMaybe<ContactInfoInput>;
  /** SCHOOL only: number of pupils. */
  pupilCount?: InputMaybe<Scalars['Int']['input']>;
  /** The region it belongs to; the caller must coordinate it (or be ADMIN). */
  regionId: Scalars['ID']['input'];
  /** CLUB only: a registered association (e.V.); false when left out. */
  registeredAssociation?: InputMaybe<Scalars['Boolean']['input']>;
  /** NETWORK_ROLE only, and required there: title of the role, 2 to 200 characters. */
  roleTitle?: InputMaybe<Scalars['String']['input']>;
  /** SCHOOL only: type of school, e.g. Grundschule. */
  schoolType?: InputMaybe<Scalars['String']['input']>;
  /** Topics (Themen), each up to 50 characters, at most 30; stored lower case without repeats. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Website, an http(s) URL of up to 500 characters. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** A new contact point with its hours. */
export type CreateContactPointInput = {
  /** Access notes. */
  accessibility?: InputMaybe<Scalars['String']['input']>;
  /** Postal address on one line. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** What to expect there. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Days that differ. */
  exceptions?: InputMaybe<Array<OpeningExceptionInput>>;
  /** The actor whose premises host it. */
  hostedById?: InputMaybe<Scalars['ID']['input']>;
  /** The recurring hours, at most 20 rules. */
  hours: Array<OpeningRuleInput>;
  /** Central office, branch office or remote. */
  kind: ContactPointKind;
  /** Where it is on the map. */
  location?: InputMaybe<GeoPointInput>;
  /** Name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** The region it serves. */
  regionId: Scalars['ID']['input'];
  /** Actors (network roles) who staff it. */
  staffedByIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Who may see it. */
  visibility?: InputMaybe<Visibility>;
};

/** A new cooperation between two or more actors. */
export type CreateCooperationInput = {
  /** What the partners do together, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What kind of cooperation it is. */
  kind: CooperationKind;
  /** Two or more distinct actors. */
  participantIds: Array<Scalars['ID']['input']>;
  /** When it began. */
  startedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Its status to begin with; PROPOSED when left out. */
  status?: InputMaybe<CooperationStatus>;
  /** Short title, 2 to 200 characters. */
  title: Scalars['String']['input'];
};

/** A new event, or a recurring series of them. */
export type CreateEventInput = {
  /** Seats; none for no limit. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** The contact point it takes place at. */
  contactPointId?: InputMaybe<Scalars['ID']['input']>;
  /** What it is about. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When it ends. */
  endsAt: Scalars['DateTime']['input'];
  /** Stammtisch, workshop, ... */
  kind: EventKind;
  /** Where on the map. */
  location?: InputMaybe<GeoPointInput>;
  /** The organizing actor. */
  organizerId: Scalars['ID']['input'];
  /** RFC 5545 RRULE: creates the series' occurrences up to 12 months ahead (at most 60), each an Event. */
  recurrence?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the organizer's region. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** Until when registrations are taken. */
  registrationDeadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** When it starts (the first occurrence of a series). */
  startsAt: Scalars['DateTime']['input'];
  /** Title, 1 to 200 characters. */
  title: Scalars['String']['input'];
  /** Keywords, at most 30. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Where, on one line. */
  venue?: InputMaybe<Scalars['String']['input']>;
  /** Who may see it. */
  visibility?: InputMaybe<Visibility>;
};

/** A new funding programme of a region. */
export type CreateFundingProgrammeInput = {
  /** Applications are submitted before this (default: the end of the period). */
  applicationDeadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** An actor of kind ADVISORY_BOARD whose members review the applications. */
  boardId?: InputMaybe<Scalars['ID']['input']>;
  /** The whole budget in cents, above 0. */
  budgetCents: Scalars['Int']['input'];
  /** What it funds and how to apply. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Actor kinds that may apply; empty or absent means all. */
  eligibleKinds?: InputMaybe<Array<ActorKind>>;
  /** The largest grant, in cents. */
  maxGrantCents?: InputMaybe<Scalars['Int']['input']>;
  /** Name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Last day of the funding period. */
  periodEnd: Scalars['Date']['input'];
  /** First day of the funding period. */
  periodStart: Scalars['Date']['input'];
  /** The region whose coordinators run it. */
  regionId: Scalars['ID']['input'];
  /** Reviews needed before a recommendation stands (1 to 50). */
  reviewQuorum?: InputMaybe<Scalars['Int']['input']>;
};

/** A new offer of an actor. */
export type CreateOfferInput = {
  /** The actor that offers it; the caller must be allowed to edit it. */
  actorId: Scalars['ID']['input'];
  /** From when it is available. */
  availableFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Until when it is available; not before availableFrom. */
  availableUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** Details, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What is offered. */
  kind: OfferKind;
  /** Where exactly. */
  location?: InputMaybe<GeoPointInput>;
  /** How many, 1 to 100000, where countable. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Where it is offered; defaults to the actor's region. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** Free keywords, at most 20; stored lower case. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Short title, 2 to 200 characters. */
  title: Scalars['String']['input'];
  /** What is counted, up to 100 characters. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** Who may see it. */
  visibility?: InputMaybe<Visibility>;
};

/** A new pilot (Ehrenamtslotse) profile. */
export type CreatePilotInput = {
  /** The account that signs in as this pilot. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Areas of expertise, at least one. */
  areas: Array<ExpertiseArea>;
  /** A few words about the pilot, at most 2000. */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** The name shown, 1 to 200 characters. */
  displayName: Scalars['String']['input'];
  /** Consultations per calendar month, 0 to 100. */
  monthlyCapacity?: InputMaybe<Scalars['Int']['input']>;
  /** Regions served (each with everything below it), 1 to 20. */
  regionIds: Array<Scalars['ID']['input']>;
};

/** A new region and where it sits in the hierarchy. */
export type CreateRegionInput = {
  /** Its level; below its parent's level. */
  level: RegionLevel;
  /** Official name, 2 to 200 characters. */
  name: Scalars['String']['input'];
  /** Official key (Amtlicher Gemeindeschluessel), 2 to 12 digits. */
  officialKey?: InputMaybe<Scalars['String']['input']>;
  /** The region directly above it, of a higher level; required for all but a STATE. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** A new survey, created as DRAFT. */
export type CreateSurveyInput = {
  /** Actor kinds to invite; empty or none: all. */
  audience?: InputMaybe<Array<ActorKind>>;
  /** Until when answers are taken. */
  closesAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** An earlier survey (of a region the caller coordinates) whose questions to copy when questions is empty: a repeated poll. */
  copyFromId?: InputMaybe<Scalars['ID']['input']>;
  /** A few words for the invited. */
  introduction?: InputMaybe<Scalars['String']['input']>;
  /** The questions, in order; may be empty with copyFromId (then its questions). */
  questions: Array<SurveyQuestionInput>;
  /** The region (one the caller coordinates), with everything below. */
  regionId: Scalars['ID']['input'];
  /** The title, in German. */
  title: Scalars['String']['input'];
};

/** A webhook to register. */
export type CreateWebhookInput = {
  /** What it is for (at most 500 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The region whose activities (and those below) it receives. */
  regionId: Scalars['ID']['input'];
  /** The activity types it receives. */
  types: Array<ActivityType>;
  /** https address of the receiver (http only to localhost in development). */
  url: Scalars['String']['input'];
};

/** A new webhook with its signing secret. */
export type CreatedWebhook = {
  __typename?: 'CreatedWebhook';
  /** The signing secret (whsec_...), shown only in this answer. */
  secret: Scalars['String']['output'];
  /** The webhook. */
  webhook: Webhook;
};

/** The coordinators' decision. */
export type DecideApplicationInput = {
  /** The application. */
  applicationId: Scalars['ID']['input'];
  /** true approves it, false rejects it. */
  approve: Scalars['Boolean']['input'];
  /** Defaults to the requested amount. */
  approvedCents?: InputMaybe<Scalars['Int']['input']>;
};

/** An event of the network: a Stammtisch, a workshop, an information evening. */
export type Event = Node & {
  __typename?: 'Event';
  /** null: no limit. */
  capacity?: Maybe<Scalars['Int']['output']>;
  /** The contact point it takes place at, where visible. */
  contactPoint?: Maybe<ContactPoint>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What it is about, in German. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it ends. */
  endsAt: Scalars['DateTime']['output'];
  /** Absolute URL of an iCalendar (RFC 5545) feed of the event. */
  icalUrl: Scalars['String']['output'];
  /** Global id (Relay) of this event. */
  id: Scalars['ID']['output'];
  /** Stammtisch, workshop, information event, ... */
  kind: EventKind;
  /** Where on the map, where known. */
  location?: Maybe<GeoPoint>;
  /** The organizing actor. */
  organizer: Actor;
  /** Where it takes place. */
  region: Region;
  /** Seats held by UNCONFIRMED, CONFIRMED and ATTENDED registrations. */
  registeredSeats: Scalars['Int']['output'];
  /** Until when registrations are taken. */
  registrationDeadline?: Maybe<Scalars['DateTime']['output']>;
  /** For the organizer's editors and coordinators of the region; others get []. */
  registrations: Array<EventRegistration>;
  /** null when there is no limit. */
  remainingSeats?: Maybe<Scalars['Int']['output']>;
  /** Occurrences of one recurring series (e.g. the monthly Stammtisch) share this id. */
  seriesId?: Maybe<Scalars['ID']['output']>;
  /** When it starts. */
  startsAt: Scalars['DateTime']['output'];
  /** Scheduled or cancelled. */
  status: EventStatus;
  /** e.g. Ehrenamtsstammtisch im März. */
  title: Scalars['String']['output'];
  /** Topics proposed for this event, most votes first (the changing questions of a Stammtisch). */
  topicProposals: Array<TopicProposal>;
  /** Keywords, lower case, e.g. vereinsrecht. */
  topics: Array<Scalars['String']['output']>;
  /** When it was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where, e.g. Dorfgemeinschaftshaus. */
  venue?: Maybe<Scalars['String']['output']>;
  /** Who may see it (PUBLIC or NETWORK). */
  visibility: Visibility;
  /** Seats asked for by WAITLISTED registrations. */
  waitlistedSeats: Scalars['Int']['output'];
};

/** A page of events (Veranstaltungen) (Relay cursor connection): first/after or last/before. */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<EventEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<Event>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the events (Veranstaltungen) of a page, with its cursor. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Event;
};

/** Which events to list; conditions combine with AND. */
export type EventFilter = {
  /** Events that end after this instant; default: now. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Also cancelled events. */
  includeCancelled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only these kinds. */
  kinds?: InputMaybe<Array<EventKind>>;
  /** Only events of this organizer. */
  organizerId?: InputMaybe<Scalars['ID']['input']>;
  /** Includes every region below it. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** Text in title or description. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Only events with any of these topics. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Events that start before this instant. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What kind of event (Veranstaltung) it is. */
export type EventKind =
  /** An information event (Informationsveranstaltung). */
  | 'INFO_EVENT'
  /** A meeting of the network (Netzwerktreffen). */
  | 'NETWORK_MEETING'
  /** Anything else. */
  | 'OTHER'
  /** An informal network meeting (Ehrenamtsstammtisch). */
  | 'STAMMTISCH'
  /** A training (Schulung). */
  | 'TRAINING'
  /** A regional workshop. */
  | 'WORKSHOP';

/** A registration (Anmeldung) for an event, by an actor or a private person. */
export type EventRegistration = Node & {
  __typename?: 'EventRegistration';
  /** The registered actor. */
  actor?: Maybe<Actor>;
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** A private person's e-mail: for the organizer's editors and coordinators only. */
  email?: Maybe<Scalars['String']['output']>;
  /** The event. */
  event: Event;
  /** Global id (Relay) of this registration. */
  id: Scalars['ID']['output'];
  /** A private person's name and e-mail: for the organizer's editors and coordinators only. */
  name?: Maybe<Scalars['String']['output']>;
  /** How many seats it asks for. */
  seats: Scalars['Int']['output'];
  /** Where it stands. */
  status: RegistrationStatus;
  /** 1-based place on the waitlist while WAITLISTED. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
};

/** Whether an event takes place. */
export type EventStatus =
  /** Cancelled (abgesagt); registrations were told. */
  | 'CANCELLED'
  /** It takes place as planned. */
  | 'SCHEDULED';

/** An area of expertise of the pilots (Fachgebiet der Ehrenamtslotsen). */
export type ExpertiseArea =
  /** Association law (Vereinsrecht). */
  | 'ASSOCIATION_LAW'
  /** Data protection, GDPR (Datenschutz, DSGVO). */
  | 'DATA_PROTECTION'
  /** Digital tools (Digitale Werkzeuge). */
  | 'DIGITAL_TOOLS'
  /** Funding and grants (Fördermittel). */
  | 'FUNDING'
  /** Insurance for clubs and helpers (Versicherungen). */
  | 'INSURANCE'
  /** Anything else (Sonstiges). */
  | 'OTHER'
  /** Public relations (Öffentlichkeitsarbeit). */
  | 'PUBLIC_RELATIONS'
  /** Statutes (Satzung). */
  | 'STATUTES'
  /** Tax and charitable status (Steuern, Gemeinnützigkeit). */
  | 'TAX'
  /** Volunteer management (Ehrenamtsmanagement). */
  | 'VOLUNTEER_MANAGEMENT';

/** An application to a fund. Visible to the applicant's members, the board's members and coordinators of the programme's region; the public sees it only in the ledger once approved. */
export type FundingApplication = Node & {
  __typename?: 'FundingApplication';
  /** The actor that applies. */
  applicant: Actor;
  /** The amount granted, in cents. */
  approvedCents?: Maybe<Scalars['Int']['output']>;
  /** When it was started. */
  createdAt: Scalars['DateTime']['output'];
  /** When the coordinators decided. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global id (Relay) of this application. */
  id: Scalars['ID']['output'];
  /** A need of kind FUNDING that this application covers. */
  need?: Maybe<Need>;
  /** Paid out so far, in cents. */
  paidCents: Scalars['Int']['output'];
  /** The programme applied to. */
  programme: FundingProgramme;
  /** What the money is for. */
  purpose: Scalars['String']['output'];
  /** The use report (Verwendungsnachweis); for the three parties. */
  report?: Maybe<Scalars['String']['output']>;
  /** The amount asked for, in cents. */
  requestedCents: Scalars['Int']['output'];
  /** The board's reviews, oldest first; for the board and the coordinators. */
  reviews: Array<BoardReview>;
  /** Spent according to the use report, in cents. */
  spentCents?: Maybe<Scalars['Int']['output']>;
  /** Where it stands. */
  status: ApplicationStatus;
  /** When it was submitted. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** A short title of the project. */
  title: Scalars['String']['output'];
};

/** A page of funding applications (Förderanträge) (Relay cursor connection): first/after or last/before. */
export type FundingApplicationConnection = {
  __typename?: 'FundingApplicationConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<FundingApplicationEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<FundingApplication>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the funding applications (Förderanträge) of a page, with its cursor. */
export type FundingApplicationEdge = {
  __typename?: 'FundingApplicationEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: FundingApplication;
};

/** An engagement fund, e.g. a municipal volunteer budget (Kommunales Ehrenamtsbudget): money that an advisory board (Engagementbeirat) helps allocate to clubs and informal groups. */
export type FundingProgramme = Node & {
  __typename?: 'FundingProgramme';
  /** Applications are submitted before this (default: the end of the period). */
  applicationDeadline?: Maybe<Scalars['DateTime']['output']>;
  /** Its applications the caller may see (the applicant's members, the board, the region's coordinators), newest first. */
  applications: FundingApplicationConnection;
  /** The advisory board whose members review applications. */
  board?: Maybe<Actor>;
  /** The whole budget in cents. */
  budgetCents: Scalars['Int']['output'];
  /** Approved and not refunded. */
  committedCents: Scalars['Int']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What it funds and how to apply. */
  description?: Maybe<Scalars['String']['output']>;
  /** Actor kinds that may apply; empty means all. */
  eligibleKinds: Array<ActorKind>;
  /** Global id (Relay) of this programme. */
  id: Scalars['ID']['output'];
  /** Approved grants, public: the transparency ledger. */
  ledger: Array<LedgerEntry>;
  /** Public address of the ledger as a CSV file (UTF-8 with BOM, semicolons) for spreadsheets. */
  ledgerCsvUrl: Scalars['String']['output'];
  /** The largest grant one application may ask for. */
  maxGrantCents?: Maybe<Scalars['Int']['output']>;
  /** Name of the programme. */
  name: Scalars['String']['output'];
  /** Paid out and not returned, in cents. */
  paidCents: Scalars['Int']['output'];
  /** Last day of the funding period. */
  periodEnd: Scalars['Date']['output'];
  /** First day of the funding period. */
  periodStart: Scalars['Date']['output'];
  /** The region whose coordinators run it. */
  region: Region;
  /** The budget minus what is committed, in cents. */
  remainingCents: Scalars['Int']['output'];
  /** Reviews needed before a recommendation stands. */
  reviewQuorum: Scalars['Int']['output'];
  /** Whether it takes applications. */
  status: ProgrammeStatus;
};


/** An engagement fund, e.g. a municipal volunteer budget (Kommunales Ehrenamtsbudget): money that an advisory board (Engagementbeirat) helps allocate to clubs and informal groups. */
export type FundingProgrammeApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<ApplicationStatus>>;
};

/** A point on the map in WGS 84 (as GPS and OpenStreetMap use). */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude in degrees, -90 to 90 (Büsum: 54.13). */
  latitude: Scalars['Float']['output'];
  /** Longitude in degrees, -180 to 180 (Büsum: 8.86). */
  longitude: Scalars['Float']['output'];
};

/** A point on the map in WGS 84 (as GPS and OpenStreetMap use). */
export type GeoPointInput = {
  /** Latitude in degrees, -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Longitude in degrees, -180 to 180. */
  longitude: Scalars['Float']['input'];
};

/** A citizens' initiative (Bürgerinitiative) or informal group without a legal form. */
export type Initiative = Actor & Node & {
  __typename?: 'Initiative';
  /** Cooperations (Kooperationen) it takes part in, newest first; PROPOSED ones only for signed-in callers. */
  cooperations: CooperationConnection;
  /** When the actor was added to the hub. */
  createdAt: Scalars['DateTime']['output'];
  /** What the actor does, in its own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** When the initiative started, where known. */
  foundedOn?: Maybe<Scalars['Date']['output']>;
  /** Global id (Relay) of this actor. */
  id: Scalars['ID']['output'];
  /** What kind of actor it is; decides its object type (School, Club, ...). */
  kind: ActorKind;
  /** Where it is on the map, where known. */
  location?: Maybe<GeoPoint>;
  /** Name as the actor itself writes it, e.g. Sportverein Büsum. */
  name: Scalars['String']['output'];
  /** Needs (Bedarfe) of this actor visible to the caller, newest first. */
  needs: NeedConnection;
  /** Active offers (Angebote) of this actor visible to the caller, newest first. */
  offers: OfferConnection;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away. */
  partners: Array<Actor>;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away, nearest first, each with its distance. */
  partnersWithDistance: Array<PartnerWithDistance>;
  /** The organisation's public contact channel; never a private person's data. */
  publicContact?: Maybe<ContactInfo>;
  /** The region it belongs to (usually its municipality). */
  region: Region;
  /** Topics (Themen) it works on, lower case, e.g. jugend, sport, senioren. */
  topics: Array<Scalars['String']['output']>;
  /** When the actor was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its website, an http(s) URL. */
  website?: Maybe<Scalars['String']['output']>;
};


/** A citizens' initiative (Bürgerinitiative) or informal group without a legal form. */
export type InitiativeCooperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A citizens' initiative (Bürgerinitiative) or informal group without a legal form. */
export type InitiativeNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<NeedStatus>>;
};


/** A citizens' initiative (Bürgerinitiative) or informal group without a legal form. */
export type InitiativeOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A citizens' initiative (Bürgerinitiative) or informal group without a legal form. */
export type InitiativePartnersArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A citizens' initiative (Bürgerinitiative) or informal group without a legal form. */
export type InitiativePartnersWithDistanceArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};

/** A person to invite by e-mail; they sign in through the mailed link. */
export type InviteAccountInput = {
  /** Actors they act for (MEMBER needs one). */
  actorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The name shown for them, 1 to 200 characters. */
  displayName: Scalars['String']['input'];
  /** Their e-mail address; one account per address, in any case. */
  email: Scalars['String']['input'];
  /** Regions they coordinate (COORDINATOR needs one), each with everything below. */
  regionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Their role; coordinators may invite MEMBER and PILOT. */
  role: Role;
};

/** An answered question, anonymised and published for everyone. */
export type KnowledgeArticle = Node & {
  __typename?: 'KnowledgeArticle';
  /** The area of the question. */
  area: ExpertiseArea;
  /** The anonymised answer. */
  body: Scalars['String']['output'];
  /** The consultation it came from; null for anyone who may not see it. */
  consultation?: Maybe<Consultation>;
  /** Global id (Relay) of this article. */
  id: Scalars['ID']['output'];
  /** When it was published. */
  publishedAt: Scalars['DateTime']['output'];
  /** The region the question came from. */
  region?: Maybe<Region>;
  /** The anonymised question as a title. */
  title: Scalars['String']['output'];
};

/** A page of knowledge articles (Wissensbeiträge) (Relay cursor connection): first/after or last/before. */
export type KnowledgeArticleConnection = {
  __typename?: 'KnowledgeArticleConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<KnowledgeArticleEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<KnowledgeArticle>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the knowledge articles (Wissensbeiträge) of a page, with its cursor. */
export type KnowledgeArticleEdge = {
  __typename?: 'KnowledgeArticleEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: KnowledgeArticle;
};

/** One approved grant in the public ledger. */
export type LedgerEntry = {
  __typename?: 'LedgerEntry';
  /** What the fund bears, in cents: the approved amount, after the use report the spent one. */
  amountCents: Scalars['Int']['output'];
  /** Name of the funded actor. */
  applicantName: Scalars['String']['output'];
  /** The approved application; its reviews, report and need stay with the three parties. */
  application: FundingApplication;
  /** When it was approved. */
  decidedAt: Scalars['DateTime']['output'];
  /** What the money is for. */
  purpose: Scalars['String']['output'];
  /** APPROVED, PAID or REPORTED. */
  status: ApplicationStatus;
};

/** What a link sent by e-mail does. */
export type LinkAction =
  /** Answer a survey for the invited actor. */
  | 'ANSWER_SURVEY'
  /** Confirm an e-mail address given with a sign-up (double opt-in). */
  | 'CONFIRM'
  /** Sign in (magic link) or accept an invitation. */
  | 'SIGN_IN'
  /** Withdraw a sign-up or cancel a registration without an account. */
  | 'WITHDRAW';

/** What using a link from an e-mail did. */
export type LinkResult = {
  __typename?: 'LinkResult';
  /** What the link was made for. */
  action: LinkAction;
  /** A German sentence for the person who clicked, e.g. Ihre Anmeldung ist bestätigt. */
  message: Scalars['String']['output'];
  /** Whether it acted; false for a link that is unknown, expired or used. */
  ok: Scalars['Boolean']['output'];
  /** Set when action is SIGN_IN and the link was valid. */
  session?: Maybe<Session>;
  /** What the link acted on, where the caller may see it. */
  subject?: Maybe<Node>;
};

/** Changes, each checked against the caller's rights and written to the audit log. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Starts an application as a DRAFT (members of the applicant). */
  applyForFunding: FundingApplication;
  /** Asks the pilots a question for one of the caller's actors (its members). */
  askPilots: Consultation;
  /** Assigns a pilot (the region's coordinators) and mails them a link; CONFLICT past the pilot's monthly capacity unless overCapacity. */
  assignConsultation: Consultation;
  /** Cancels an event; everyone registered is told. */
  cancelEvent: Event;
  /** Frees the seats; the waitlist moves up in order. */
  cancelRegistration: EventRegistration;
  /** Closes it (the asking actor's members, the coordinators); no more replies. */
  closeConsultation: Consultation;
  /** Takes no more applications (coordinators of its region); running ones go on. */
  closeFundingProgramme: FundingProgramme;
  /** Closes a need that is no longer wanted (same rights as updateNeed); closed and expired ones stay as they are. */
  closeNeed: Need;
  /** Ends an OPEN survey: no more answers. */
  closeSurvey: Survey;
  /** Confirms a pending pledge (the need's editors). */
  confirmPledge: Pledge;
  /** Adds an actor to a region (COORDINATOR of the region or ADMIN). */
  createActor: Actor;
  /** Creates a contact point with its hours (the region's coordinators, ADMINs). */
  createContactPoint: ContactPoint;
  /** Records a cooperation between actors (a MEMBER of one of them, a NETWORKER or COORDINATOR of all their regions, or ADMIN). */
  createCooperation: Cooperation;
  /** With recurrence, the first occurrence; the others share its seriesId. */
  createEvent: Event;
  /** Creates a funding programme (coordinators of the programme's region). */
  createFundingProgramme: FundingProgramme;
  /** Publishes an offer of an actor (whoever may edit the actor). */
  createOffer: Offer;
  /** Creates a pilot profile (ADMINs; coordinators of every region it serves), optionally linked to a PILOT account. */
  createPilot: Pilot;
  /** Adds a region to the hierarchy (ADMIN only). */
  createRegion: Region;
  /** Creates a DRAFT survey in a region the caller coordinates (or an ADMIN's). */
  createSurvey: Survey;
  /** Registers a webhook (coordinators in their regions, admins); the secret is shown once. */
  createWebhook: CreatedWebhook;
  /** Coordinators of the programme's region; never commits more than the remaining budget. */
  decideApplication: FundingApplication;
  /** Declines a pending or confirmed pledge and frees its quantity (the need's editors). */
  declinePledge: Pledge;
  /** Deletes a contact point; returns its id. */
  deleteContactPoint: Scalars['ID']['output'];
  /** Deletes a webhook and its delivery history; returns its id. */
  deleteWebhook: Scalars['ID']['output'];
  /** Deletes a DRAFT need; returns its id. */
  discardNeed: Scalars['ID']['output'];
  /** Anonymises every pledge with this e-mail (a coordinator's: in their regions), keeping quantities; returns how many. */
  eraseVolunteer: Scalars['Int']['output'];
  /** Invites a person by e-mail; they sign in through the link. Admins any role; coordinators MEMBER and PILOT within their regions. */
  inviteAccount: Account;
  /** After the event: took part or not (the organizer's editors). */
  markAttendance: EventRegistration;
  /** Publishes a need of an actor (whoever may edit the actor). */
  openNeed: Need;
  /** Invites every actor of the audience in the region (an e-mail with an answer link to each public contact). */
  openSurvey: Survey;
  /** Pledges part of a need on behalf of an actor the caller acts for; never more than is missing. */
  pledge: Pledge;
  /** Proposes a topic for an event (signed in). */
  proposeTopic: TopicProposal;
  /** Publishes an anonymised answer of an answered consultation for everyone (the region's coordinators). */
  publishAnswer: KnowledgeArticle;
  /** Publishes a DRAFT need (status OPEN, an OPENED event). */
  publishNeed: Need;
  /** Records a payment of an approved grant (coordinators of the programme's region); never above the approved amount. */
  recordPayment: FundingApplication;
  /** Registers an actor (signed in) or a private person (name, e-mail, consent) for an event; waitlisted when full. A private person gets a confirm link by mail (double opt-in) and is rate-limited per caller; a repeat with the same e-mail answers like a new registration and mails the address instead. */
  registerForEvent: EventRegistration;
  /** Sends a reminder to invited actors that have not answered; returns how many. At most once every 3 days (CONFLICT). */
  remindSurvey: Scalars['Int']['output'];
  /** Adds a message (the asking actor's members, the pilot, the coordinators); the pilot's first reply answers it. */
  replyToConsultation: Consultation;
  /** The use report (members of the applicant, after payment); unspent money returns to the programme. */
  reportUse: FundingApplication;
  /** Always true, whether or not the address has an account (no account probing); sends a sign-in link. */
  requestSignIn: Scalars['Boolean']['output'];
  /** Board members only; never for an application of an actor the reviewer acts for. */
  reviewApplication: FundingApplication;
  /** Ends every session of the caller's account; false for a token that belongs to no account. */
  signOut: Scalars['Boolean']['output'];
  /** Hands a DRAFT in before the deadline (members of the applicant). */
  submitApplication: FundingApplication;
  /** Again for the same actor replaces the earlier answers while the survey is open. */
  submitSurveyResponse: SurveyResponse;
  /** Changes the given fields of an actor (its MEMBER, a COORDINATOR of its region or ADMIN). */
  updateActor: Actor;
  /** Changes the given fields of a contact point. */
  updateContactPoint: ContactPoint;
  /** Changes the given fields of a cooperation (same rights as creating it, for the old and the new participants). */
  updateCooperation: Cooperation;
  /** Changes the given fields of an event. */
  updateEvent: Event;
  /** Changes the given fields of a need (its actor's editors or the region's coordinators). */
  updateNeed: Need;
  /** Changes the given fields of an offer (its actor's editors or the region's coordinators). */
  updateOffer: Offer;
  /** Changes the given fields of a pilot profile. */
  updatePilot: Pilot;
  /** Acts on a link from an e-mail: confirm, withdraw, sign in, answer a survey. */
  useLink: LinkResult;
  /** A private person offers help for a PUBLIC need, without a sign-in; rate-limited per caller. Mails a confirm link (double opt-in); a repeat with the same e-mail answers like a new sign-up and mails the address instead. */
  volunteer: Pledge;
  /** One vote per actor (actorId) or per signed-in account. */
  voteTopic: TopicProposal;
  /** Takes it back before a decision (members of the applicant). */
  withdrawApplication: FundingApplication;
  /** Takes the question back before it is answered (the asking actor's members). */
  withdrawConsultation: Consultation;
  /** Takes an offer off the lists (same rights as updateOffer); it stays readable by its id. */
  withdrawOffer: Offer;
  /** Takes a pledge back and frees its quantity (the pledging actor's editors or the need's). */
  withdrawPledge: Pledge;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationApplyForFundingArgs = {
  input: ApplyForFundingInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationAskPilotsArgs = {
  input: AskPilotsInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationAssignConsultationArgs = {
  dueAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  overCapacity?: InputMaybe<Scalars['Boolean']['input']>;
  pilotId: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCancelEventArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCancelRegistrationArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCloseConsultationArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCloseFundingProgrammeArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCloseNeedArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCloseSurveyArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationConfirmPledgeArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateActorArgs = {
  input: CreateActorInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateContactPointArgs = {
  input: CreateContactPointInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateCooperationArgs = {
  input: CreateCooperationInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateEventArgs = {
  input: CreateEventInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateFundingProgrammeArgs = {
  input: CreateFundingProgrammeInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateOfferArgs = {
  input: CreateOfferInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreatePilotArgs = {
  input: CreatePilotInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateRegionArgs = {
  input: CreateRegionInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateSurveyArgs = {
  input: CreateSurveyInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationDecideApplicationArgs = {
  input: DecideApplicationInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationDeclinePledgeArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationDeleteContactPointArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationDiscardNeedArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationEraseVolunteerArgs = {
  email: Scalars['String']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationInviteAccountArgs = {
  input: InviteAccountInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationMarkAttendanceArgs = {
  attended: Scalars['Boolean']['input'];
  registrationId: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationOpenNeedArgs = {
  input: OpenNeedInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationOpenSurveyArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationPledgeArgs = {
  input: PledgeInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationProposeTopicArgs = {
  input: ProposeTopicInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationPublishAnswerArgs = {
  input: PublishAnswerInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationPublishNeedArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationRecordPaymentArgs = {
  amountCents: Scalars['Int']['input'];
  applicationId: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationRegisterForEventArgs = {
  input: RegisterForEventInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationRemindSurveyArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationReplyToConsultationArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationReportUseArgs = {
  input: ReportUseInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationRequestSignInArgs = {
  email: Scalars['String']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationReviewApplicationArgs = {
  input: ReviewApplicationInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationSubmitApplicationArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationSubmitSurveyResponseArgs = {
  input: SubmitSurveyResponseInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUpdateActorArgs = {
  id: Scalars['ID']['input'];
  input: UpdateActorInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUpdateContactPointArgs = {
  id: Scalars['ID']['input'];
  input: UpdateContactPointInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUpdateCooperationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCooperationInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUpdateEventArgs = {
  id: Scalars['ID']['input'];
  input: UpdateEventInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUpdateNeedArgs = {
  id: Scalars['ID']['input'];
  input: UpdateNeedInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUpdateOfferArgs = {
  id: Scalars['ID']['input'];
  input: UpdateOfferInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUpdatePilotArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePilotInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationUseLinkArgs = {
  token: Scalars['String']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationVolunteerArgs = {
  input: VolunteerInput;
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationVoteTopicArgs = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationWithdrawApplicationArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationWithdrawConsultationArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationWithdrawOfferArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, each checked against the caller's rights and written to the audit log. */
export type MutationWithdrawPledgeArgs = {
  id: Scalars['ID']['input'];
};

/** Only what lies within a radius around a point (Umkreissuche). */
export type NearInput = {
  /** Latitude of the centre in degrees, -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Longitude of the centre in degrees, -180 to 180. */
  longitude: Scalars['Float']['input'];
  /** Radius around the centre in kilometres. */
  radiusKm: Scalars['Float']['input'];
};

/** Something an actor is looking for: helpers for a date, equipment, a room, expertise. */
export type Need = Node & {
  __typename?: 'Need';
  /** The actor that needs it. */
  actor: Actor;
  /** When the need was opened. */
  createdAt: Scalars['DateTime']['output'];
  /** Until when pledges are wanted; an OPEN need expires after it. */
  deadline?: Maybe<Scalars['DateTime']['output']>;
  /** Details in the actor's own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** When the help ends; an OPEN need expires after it. */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global id (Relay) of this need. */
  id: Scalars['ID']['output'];
  /** What is needed: helpers, equipment, a room, expertise, ... */
  kind: NeedKind;
  /** Where exactly, where known. */
  location?: Maybe<GeoPoint>;
  /** Offers that could cover this need, best first. */
  matches: Array<NeedMatch>;
  /** Sum of the quantities of pledges that are pending or confirmed. */
  pledgedQuantity: Scalars['Int']['output'];
  /** Visible to the need's editors and coordinators; others see none. */
  pledges: Array<Pledge>;
  /** How many are needed, in `unit` (e.g. 6 helpers). */
  quantity: Scalars['Int']['output'];
  /** Where the help is needed; the actor's region unless given. */
  region: Region;
  /** What is still missing: quantity minus pledgedQuantity. */
  remainingQuantity: Scalars['Int']['output'];
  /** When the help starts, for a need with a date. */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Open, filled, closed or expired; follows the pledges and the dates. */
  status: NeedStatus;
  /** Free keywords (Schlagwörter), lower case, e.g. fest, hafen. */
  tags: Array<Scalars['String']['output']>;
  /** Short title, e.g. Helfende für das Hafenfest. */
  title: Scalars['String']['output'];
  /** e.g. Helfer, Biertischgarnituren */
  unit?: Maybe<Scalars['String']['output']>;
  /** When the need was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** How urgent the actor says it is. */
  urgency: Urgency;
  /** Who may see it: PUBLIC needs anyone, NETWORK needs signed-in partners only. */
  visibility: Visibility;
};


/** Something an actor is looking for: helpers for a date, equipment, a room, expertise. */
export type NeedMatchesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of needs (Bedarfe) (Relay cursor connection): first/after or last/before. */
export type NeedConnection = {
  __typename?: 'NeedConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<NeedEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<Need>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the needs (Bedarfe) of a page, with its cursor. */
export type NeedEdge = {
  __typename?: 'NeedEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Need;
};

/** A change of a need, as the live feed delivers it. */
export type NeedEvent = {
  __typename?: 'NeedEvent';
  /** Opaque position in the hub's ordered event log; pass it as `after` to resume. */
  cursor: Scalars['String']['output'];
  /** The need as it is now, after the change. */
  need: Need;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** What happened to the need. */
  type: NeedEventType;
};

/** What happened to a need. */
export type NeedEventType =
  /** Its editors closed it. */
  | 'CLOSED'
  /** Its deadline or end passed while it was open. */
  | 'EXPIRED'
  /** It became fully pledged. */
  | 'FILLED'
  /** The need was published. */
  | 'OPENED'
  /** Someone pledged part of it. */
  | 'PLEDGED'
  /** A pledge was withdrawn or declined. */
  | 'PLEDGE_WITHDRAWN'
  /** It is missing something again after it was filled. */
  | 'REOPENED'
  /** Its fields were changed, or a pledge was confirmed. */
  | 'UPDATED';

/** Which needs to list; conditions combine with AND, the values within one with OR. */
export type NeedFilter = {
  /** Only needs of this actor. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only needs of these kinds. */
  kinds?: InputMaybe<Array<NeedKind>>;
  /** Only needs with a location within this radius. */
  near?: InputMaybe<NearInput>;
  /** Includes every region below it. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** Only needs with these statuses. */
  status?: InputMaybe<Array<NeedStatus>>;
  /** Only needs with any of these tags, at most 20. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Full-text search (German stemming) over title, description and tags, up to 200 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Only needs of these urgencies. */
  urgency?: InputMaybe<Array<Urgency>>;
};

/** What a need (Bedarf) asks for. */
export type NeedKind =
  /** Someone for a board position (Vorstandsamt). */
  | 'BOARD_POSITION'
  /** Things to borrow (Ausstattung), e.g. beer tables or a tent. */
  | 'EQUIPMENT'
  /** Know-how (Fachwissen), e.g. tax advice for a club. */
  | 'EXPERTISE'
  /** Money (Förderung, Spenden). */
  | 'FUNDING'
  /** People who lend a hand (Helfende), e.g. at a festival. */
  | 'HELPERS'
  /** Anything else. */
  | 'OTHER'
  /** A room or place (Raum), e.g. for a meeting. */
  | 'ROOM'
  /** A ride or a vehicle (Transport, Fahrdienst). */
  | 'TRANSPORT';

/** An offer that could cover a need, with how well it fits and why. */
export type NeedMatch = {
  __typename?: 'NeedMatch';
  /** Distance between need and offer in kilometres, when both have a location. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** The matching offer. */
  offer: Offer;
  /** Readable German reasons, e.g. Passende Art: Raum. */
  reasons: Array<Scalars['String']['output']>;
  /** How well it fits, 0 to 1: kind, shared tags, distance, dates and quantity. */
  score: Scalars['Float']['output'];
};

/** Where a need stands. */
export type NeedStatus =
  /** Closed by its editors before or after it was filled. */
  | 'CLOSED'
  /** Created from a survey answer; hidden from everyone but coordinators until published. */
  | 'DRAFT'
  /** Its deadline or end passed while it was open. */
  | 'EXPIRED'
  /** Fully pledged; reopens when a pledge is withdrawn or declined. */
  | 'FILLED'
  /** Still missing something; pledges are welcome. */
  | 'OPEN';

/** A part of the cooperation graph with its figures. */
export type Network = {
  __typename?: 'Network';
  /** The actors of this part of the graph, by name. */
  actors: Array<Actor>;
  /** The cooperations among them. */
  cooperations: Array<Cooperation>;
  /** The actors of this network without any of its cooperations (stats.isolatedActorCount of them), by name. */
  isolatedActors: ActorConnection;
  /** Its figures. */
  stats: NetworkStats;
};


/** A part of the cooperation graph with its figures. */
export type NetworkIsolatedActorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin. */
export type NetworkRole = Actor & Node & {
  __typename?: 'NetworkRole';
  /** Cooperations (Kooperationen) it takes part in, newest first; PROPOSED ones only for signed-in callers. */
  cooperations: CooperationConnection;
  /** When the actor was added to the hub. */
  createdAt: Scalars['DateTime']['output'];
  /** What the actor does, in its own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** The organisation that hosts the role, e.g. the Amt. */
  hostedBy?: Maybe<Actor>;
  /** Global id (Relay) of this actor. */
  id: Scalars['ID']['output'];
  /** What kind of actor it is; decides its object type (School, Club, ...). */
  kind: ActorKind;
  /** Where it is on the map, where known. */
  location?: Maybe<GeoPoint>;
  /** Name as the actor itself writes it, e.g. Sportverein Büsum. */
  name: Scalars['String']['output'];
  /** Needs (Bedarfe) of this actor visible to the caller, newest first. */
  needs: NeedConnection;
  /** Active offers (Angebote) of this actor visible to the caller, newest first. */
  offers: OfferConnection;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away. */
  partners: Array<Actor>;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away, nearest first, each with its distance. */
  partnersWithDistance: Array<PartnerWithDistance>;
  /** The organisation's public contact channel; never a private person's data. */
  publicContact?: Maybe<ContactInfo>;
  /** The region it belongs to (usually its municipality). */
  region: Region;
  /** Title of the role, e.g. Ehrenamtskoordinatorin. */
  roleTitle: Scalars['String']['output'];
  /** Topics (Themen) it works on, lower case, e.g. jugend, sport, senioren. */
  topics: Array<Scalars['String']['output']>;
  /** When the actor was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its website, an http(s) URL. */
  website?: Maybe<Scalars['String']['output']>;
};


/** A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin. */
export type NetworkRoleCooperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin. */
export type NetworkRoleNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<NeedStatus>>;
};


/** A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin. */
export type NetworkRoleOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin. */
export type NetworkRolePartnersArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A coordinating role such as Ehrenamtskoordinator, Schulkoordinatorin or Bildungsmanagerin. */
export type NetworkRolePartnersWithDistanceArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};

/** Figures of a network (Netzwerkkennzahlen). */
export type NetworkStats = {
  __typename?: 'NetworkStats';
  /** Actors in the network. */
  actorCount: Scalars['Int']['output'];
  /** Connected groups of actors; an actor without cooperations is a group of its own. */
  componentCount: Scalars['Int']['output'];
  /** Cooperations among them. */
  cooperationCount: Scalars['Int']['output'];
  /** Share of possible actor pairs that cooperate, 0..1. */
  density: Scalars['Float']['output'];
  /** Actors with no cooperation in this network. */
  isolatedActorCount: Scalars['Int']['output'];
};

/** Relay global object identification: every `id` is opaque and globally unique. */
export type Node = {
  /** Globally unique, opaque id; pass it to node(id:) to fetch the object again. */
  id: Scalars['ID']['output'];
};

/** Something an actor can share: equipment to lend, a room, skills, transport. */
export type Offer = Node & {
  __typename?: 'Offer';
  /** False once withdrawn; lists show active offers only. */
  active: Scalars['Boolean']['output'];
  /** The actor that offers it. */
  actor: Actor;
  /** From when it is available, where limited. */
  availableFrom?: Maybe<Scalars['DateTime']['output']>;
  /** Until when it is available, where limited. */
  availableUntil?: Maybe<Scalars['DateTime']['output']>;
  /** When the offer was published. */
  createdAt: Scalars['DateTime']['output'];
  /** Details in the actor's own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global id (Relay) of this offer. */
  id: Scalars['ID']['output'];
  /** What is offered. */
  kind: OfferKind;
  /** Where exactly, where known. */
  location?: Maybe<GeoPoint>;
  /** How many, in `unit`, where it is countable. */
  quantity?: Maybe<Scalars['Int']['output']>;
  /** Where it is offered; the actor's region unless given. */
  region: Region;
  /** Free keywords (Schlagwörter), lower case; shared tags make a match with a need. */
  tags: Array<Scalars['String']['output']>;
  /** Short title, e.g. Kleinbus für Ausflüge. */
  title: Scalars['String']['output'];
  /** What is counted, e.g. Sitzplätze. */
  unit?: Maybe<Scalars['String']['output']>;
  /** Who may see it: PUBLIC offers anyone, NETWORK offers signed-in partners only. */
  visibility: Visibility;
};

/** A page of offers (Angebote) (Relay cursor connection): first/after or last/before. */
export type OfferConnection = {
  __typename?: 'OfferConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<OfferEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<Offer>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the offers (Angebote) of a page, with its cursor. */
export type OfferEdge = {
  __typename?: 'OfferEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Offer;
};

/** Which offers to list; conditions combine with AND, the values within one with OR. */
export type OfferFilter = {
  /** Only offers of this actor. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only offers of these kinds. */
  kinds?: InputMaybe<Array<OfferKind>>;
  /** Only offers with a location within this radius. */
  near?: InputMaybe<NearInput>;
  /** Includes every region below it. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** Only offers with any of these tags, at most 20. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Full-text search (German stemming) over title, description and tags, up to 200 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** What an offer (Angebot) shares. */
export type OfferKind =
  /** Things to lend (Ausstattung), e.g. a tent or a sound system. */
  | 'EQUIPMENT'
  /** Know-how to share (Fachwissen). */
  | 'EXPERTISE'
  /** People who lend a hand (Helfende). */
  | 'HELPERS'
  /** Anything else. */
  | 'OTHER'
  /** A room or place to use (Raum). */
  | 'ROOM'
  /** A ride or a vehicle (Transport), e.g. a Kleinbus. */
  | 'TRANSPORT';

/** A new need of an actor. */
export type OpenNeedInput = {
  /** The actor that needs it; the caller must be allowed to edit it. */
  actorId: Scalars['ID']['input'];
  /** Until when pledges are wanted. */
  deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** Details, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When the help ends; not before startsAt. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What is needed. */
  kind: NeedKind;
  /** Where exactly. */
  location?: InputMaybe<GeoPointInput>;
  /** How many are needed, 1 to 100000. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Defaults to the actor's region. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** When the help starts. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Free keywords, at most 20; stored lower case. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Short title, 2 to 200 characters. */
  title: Scalars['String']['input'];
  /** What is counted, up to 100 characters, e.g. Helfer. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** How urgent it is. */
  urgency?: InputMaybe<Urgency>;
  /** Who may see it. */
  visibility?: InputMaybe<Visibility>;
};

/** One concrete time a contact point is open. */
export type Opening = {
  __typename?: 'Opening';
  /** The contact point that is open. */
  contactPoint: ContactPoint;
  /** When it closes. */
  endsAt: Scalars['DateTime']['output'];
  /** The rule's or exception's note. */
  note?: Maybe<Scalars['String']['output']>;
  /** When it opens. */
  startsAt: Scalars['DateTime']['output'];
};

/** A day that differs from the rules: closed (a holiday, illness) or an extra opening. */
export type OpeningException = {
  __typename?: 'OpeningException';
  /** Closed all day; otherwise open at opensAt-closesAt instead of the rules. */
  closed: Scalars['Boolean']['output'];
  /** HH:MM when not closed. */
  closesAt?: Maybe<Scalars['String']['output']>;
  /** The day (Europe/Berlin). */
  date: Scalars['Date']['output'];
  /** e.g. Feiertag, or Vertretung. */
  note?: Maybe<Scalars['String']['output']>;
  /** HH:MM when not closed. */
  opensAt?: Maybe<Scalars['String']['output']>;
};

/** A day closed, or opened at other times. */
export type OpeningExceptionInput = {
  /** Closed all day; otherwise give opensAt and closesAt. */
  closed: Scalars['Boolean']['input'];
  /** HH:MM when not closed. */
  closesAt?: InputMaybe<Scalars['String']['input']>;
  /** The day (Europe/Berlin). */
  date: Scalars['Date']['input'];
  /** e.g. Feiertag. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** HH:MM when not closed. */
  opensAt?: InputMaybe<Scalars['String']['input']>;
};

/** Recurring hours: an RFC 5545 RRULE for the days, and a wall-clock time span in Europe/Berlin. */
export type OpeningRule = {
  __typename?: 'OpeningRule';
  /** Closing time HH:MM, wall clock in Europe/Berlin, after opensAt. */
  closesAt: Scalars['String']['output'];
  /** e.g. im Dorfgemeinschaftshaus, Raum 2 */
  note?: Maybe<Scalars['String']['output']>;
  /** Opening time HH:MM, wall clock in Europe/Berlin. */
  opensAt: Scalars['String']['output'];
  /** e.g. FREQ=WEEKLY;BYDAY=TU or FREQ=MONTHLY;BYDAY=1WE */
  rrule: Scalars['String']['output'];
  /** First day the rule applies; INTERVAL counts from it. */
  validFrom?: Maybe<Scalars['Date']['output']>;
  /** Last day the rule applies. */
  validUntil?: Maybe<Scalars['Date']['output']>;
};

/** Recurring hours: an RRULE and a wall-clock span. */
export type OpeningRuleInput = {
  /** Closing time HH:MM in Europe/Berlin, after opensAt. */
  closesAt: Scalars['String']['input'];
  /** A short note, at most 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Opening time HH:MM in Europe/Berlin. */
  opensAt: Scalars['String']['input'];
  /** RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU; DAILY or coarser. */
  rrule: Scalars['String']['input'];
  /** First day the rule applies. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Last day the rule applies. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** How many responses chose an option. */
export type OptionCount = {
  __typename?: 'OptionCount';
  /** Responses that chose it. */
  count: Scalars['Int']['output'];
  /** The option. */
  option: Scalars['String']['output'];
};

/** Every other kind of actor: municipality, volunteer agency, company, foundation, advisory board, fire brigade, religious community. */
export type Organization = Actor & Node & {
  __typename?: 'Organization';
  /** Cooperations (Kooperationen) it takes part in, newest first; PROPOSED ones only for signed-in callers. */
  cooperations: CooperationConnection;
  /** When the actor was added to the hub. */
  createdAt: Scalars['DateTime']['output'];
  /** What the actor does, in its own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global id (Relay) of this actor. */
  id: Scalars['ID']['output'];
  /** What kind of actor it is; decides its object type (School, Club, ...). */
  kind: ActorKind;
  /** Where it is on the map, where known. */
  location?: Maybe<GeoPoint>;
  /** Name as the actor itself writes it, e.g. Sportverein Büsum. */
  name: Scalars['String']['output'];
  /** Needs (Bedarfe) of this actor visible to the caller, newest first. */
  needs: NeedConnection;
  /** Active offers (Angebote) of this actor visible to the caller, newest first. */
  offers: OfferConnection;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away. */
  partners: Array<Actor>;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away, nearest first, each with its distance. */
  partnersWithDistance: Array<PartnerWithDistance>;
  /** The organisation's public contact channel; never a private person's data. */
  publicContact?: Maybe<ContactInfo>;
  /** The region it belongs to (usually its municipality). */
  region: Region;
  /** Topics (Themen) it works on, lower case, e.g. jugend, sport, senioren. */
  topics: Array<Scalars['String']['output']>;
  /** When the actor was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its website, an http(s) URL. */
  website?: Maybe<Scalars['String']['output']>;
};


/** Every other kind of actor: municipality, volunteer agency, company, foundation, advisory board, fire brigade, religious community. */
export type OrganizationCooperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** Every other kind of actor: municipality, volunteer agency, company, foundation, advisory board, fire brigade, religious community. */
export type OrganizationNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<NeedStatus>>;
};


/** Every other kind of actor: municipality, volunteer agency, company, foundation, advisory board, fire brigade, religious community. */
export type OrganizationOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Every other kind of actor: municipality, volunteer agency, company, foundation, advisory board, fire brigade, religious community. */
export type OrganizationPartnersArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** Every other kind of actor: municipality, volunteer agency, company, foundation, advisory board, fire brigade, religious community. */
export type OrganizationPartnersWithDistanceArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};

/** Relay cursor connections (https://relay.dev/graphql/connections.htm). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page (after endCursor). */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether more items come before this page (before startCursor). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A partner reached through the cooperation graph, with how far away it is. */
export type PartnerWithDistance = {
  __typename?: 'PartnerWithDistance';
  /** The partner. */
  actor: Actor;
  /** Cooperation steps to it, the fewest: 1 for a direct partner, 2 for a partner of a partner. */
  distance: Scalars['Int']['output'];
  /** Straight-line distance in km (0.1 km steps); null when either has no location. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
};

/** An Ehrenamtslotse: a volunteer expert who answers the network's harder questions. */
export type Pilot = Node & {
  __typename?: 'Pilot';
  /** Whether the pilot takes on consultations at the moment. */
  active: Scalars['Boolean']['output'];
  /** What the pilot answers questions about. */
  areas: Array<ExpertiseArea>;
  /** A few words about the pilot, in German. */
  bio?: Maybe<Scalars['String']['output']>;
  /** The name the pilot is shown with, e.g. Dr. Jens Hansen. */
  displayName: Scalars['String']['output'];
  /** Global id (Relay) of this pilot. */
  id: Scalars['ID']['output'];
  /** How many consultations the pilot takes on per calendar month. */
  monthlyCapacity: Scalars['Int']['output'];
  /** Consultations assigned and not closed; for coordinators and the pilot, null for others. */
  openConsultationCount?: Maybe<Scalars['Int']['output']>;
  /** Regions served, each with everything below it. */
  regions: Array<Region>;
};

/** A pilot who fits a consultation, and why. */
export type PilotSuggestion = {
  __typename?: 'PilotSuggestion';
  /** The pilot. */
  pilot: Pilot;
  /** Readable German reasons: area, region served, free capacity this month. */
  reasons: Array<Scalars['String']['output']>;
  /** Higher is better; those with free capacity score above 1. */
  score: Scalars['Float']['output'];
};

/** A promise to cover part of a need, by an actor or by a private volunteer. */
export type Pledge = Node & {
  __typename?: 'Pledge';
  /** The pledging organisation, when an actor pledges. */
  actor?: Maybe<Actor>;
  /** When the pledge was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether the volunteer confirmed their e-mail address; null for actors' pledges. */
  emailConfirmed?: Maybe<Scalars['Boolean']['output']>;
  /** Global id (Relay) of this pledge. */
  id: Scalars['ID']['output'];
  /** The need it covers part of. */
  need: Need;
  /** A note with the pledge; a private volunteer's message only for the need's editors and coordinators. */
  note?: Maybe<Scalars['String']['output']>;
  /** How much of the need it covers, in the need's unit. */
  quantity: Scalars['Int']['output'];
  /** Pending until the need's editors confirm or decline it; withdrawn when taken back. */
  status: PledgeStatus;
  /** A private volunteer's e-mail: shown only to the need's editors and coordinators. */
  volunteerEmail?: Maybe<Scalars['String']['output']>;
  /** A private volunteer's name and e-mail: shown only to the need's editors and coordinators. */
  volunteerName?: Maybe<Scalars['String']['output']>;
};

/** A pledge of an actor for part of a need. */
export type PledgeInput = {
  /** The pledging actor; the caller must be allowed to act for it. */
  actorId: Scalars['ID']['input'];
  /** The need to cover part of; it must be OPEN. */
  needId: Scalars['ID']['input'];
  /** A note for the need's editors, up to 2000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** How much, 1 up to what is missing. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a pledge (Zusage) stands. */
export type PledgeStatus =
  /** Confirmed by the need's editors; counts as pledged. */
  | 'CONFIRMED'
  /** Declined by the need's editors; its quantity is free again. */
  | 'DECLINED'
  /** Made, not yet confirmed by the need's editors; counts as pledged. */
  | 'PENDING'
  /** Taken back; its quantity is free again. */
  | 'WITHDRAWN';

/** Whether a funding programme takes applications. */
export type ProgrammeStatus =
  /** Takes no more applications; running ones go on. */
  | 'CLOSED'
  /** Takes applications until its deadline. */
  | 'OPEN';

/** A topic for an event. */
export type ProposeTopicInput = {
  /** Propose it for this actor. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** More about it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The event. */
  eventId: Scalars['ID']['input'];
  /** The topic, 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** An answer to publish as a knowledge article. */
export type PublishAnswerInput = {
  /** The anonymised text to publish; names of people and actors are the coordinator's to remove. */
  body: Scalars['String']['input'];
  /** The answered consultation. */
  consultationId: Scalars['ID']['input'];
  /** The anonymised question as a title, 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type Query = {
  __typename?: 'Query';
  /** Accounts, newest first: ADMIN all, COORDINATOR those of their regions. */
  accounts: AccountConnection;
  /** What happened in a region and below it, newest first, as the caller may see it. */
  activity: ActivityConnection;
  /** One actor by its id; null when there is none. */
  actor?: Maybe<Actor>;
  /** Actors, by name (by relevance with filter.text); anyone may read them. */
  actors: ActorConnection;
  /** Every mutation, newest first (COORDINATOR: own regions; ADMIN: all). */
  auditLog: AuditEntryConnection;
  /** Consultations the caller is a party to (the asking actor's members, the assigned pilot, the region's coordinators), newest first. */
  consultations: ConsultationConnection;
  /** Contact points (Anlaufstellen) by name, visibility-filtered. */
  contactPoints: ContactPointConnection;
  /** Shortest chain of cooperating actors from one actor to another, both ends included; null when none within maxDepth. */
  cooperationPath?: Maybe<Array<Actor>>;
  /** Actors that could become partners of an actor (shared topics, nearby, a common partner), best first; none it already cooperates with. */
  cooperationSuggestions: Array<CooperationSuggestion>;
  /** Events (Veranstaltungen) in start order, visibility-filtered; upcoming by default. */
  events: EventConnection;
  /** Funding programmes (Förderprogramme), newest period first; with a region, those of it and below it. */
  fundingProgrammes: Array<FundingProgramme>;
  /** Published answers (Wissensbeiträge), newest first; text narrows by every word. */
  knowledgeArticles: KnowledgeArticleConnection;
  /** One need by its id; null when it does not exist or is not visible to the caller. */
  need?: Maybe<Need>;
  /** Needs (Bedarfe), newest first: PUBLIC ones for anyone, NETWORK ones for signed-in partners. */
  needs: NeedConnection;
  /** An actor, everyone within `depth` cooperation steps, and the cooperations among them. */
  neighborhood: Network;
  /** The cooperation graph of a region and every region below it. */
  network: Network;
  /** Any object by its global id (Relay); null when it does not exist or is not visible to the caller. */
  node?: Maybe<Node>;
  /** Objects by their global ids, in the order given; null for each that is missing or hidden. */
  nodes: Array<Maybe<Node>>;
  /** Active offers (Angebote), newest first: PUBLIC ones for anyone, NETWORK ones for signed-in partners. */
  offers: OfferConnection;
  /** Openings of every contact point in a region and below it, in start order. */
  openings: Array<Opening>;
  /** Groups of actors in a region that may duplicate each other's work (Doppelstrukturen), most alike first. */
  overlaps: Array<ActorOverlap>;
  /** Active pilots (Ehrenamtslotsen) by name: with areas, those with one of them; with a region, those serving it or a part of it. */
  pilots: Array<Pilot>;
  /** One region by its id; null when there is none. */
  region?: Maybe<Region>;
  /** Regions by name in German order (Ä with A, Ö with O), optionally of one level or parent. */
  regions: Array<Region>;
  /** Full-text search (German stemming) over actors, needs and active offers the caller may see, and the knowledge base, best match first. */
  search: Array<SearchResult>;
  /** Surveys newest first (at most 200): opened and closed ones for everyone, DRAFT ones for their coordinators. */
  surveys: Array<Survey>;
  /** The caller as the hub sees them: role, editable actors, coordinated regions. */
  viewer: Viewer;
  /** The webhooks the caller manages, of a region and below when given (newest first). */
  webhooks: Array<Webhook>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  regionId: Scalars['ID']['input'];
  types?: InputMaybe<Array<ActivityType>>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryActorArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryActorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryConsultationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ConsultationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryContactPointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContactPointFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryCooperationPathArgs = {
  fromActorId: Scalars['ID']['input'];
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
  toActorId: Scalars['ID']['input'];
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryCooperationSuggestionsArgs = {
  actorId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryFundingProgrammesArgs = {
  regionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<ProgrammeStatus>>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryKnowledgeArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  areas?: InputMaybe<Array<ExpertiseArea>>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryNeedArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NeedFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryNeighborhoodArgs = {
  actorId: Scalars['ID']['input'];
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryNetworkArgs = {
  kinds?: InputMaybe<Array<CooperationKind>>;
  regionId: Scalars['ID']['input'];
  status?: InputMaybe<CooperationStatus>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OfferFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryOpeningsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  regionId: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryOverlapsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  regionId: Scalars['ID']['input'];
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryPilotsArgs = {
  areas?: InputMaybe<Array<ExpertiseArea>>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryRegionArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryRegionsArgs = {
  level?: InputMaybe<RegionLevel>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  text: Scalars['String']['input'];
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QuerySurveysArgs = {
  regionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<SurveyStatus>>;
};


/** Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph. */
export type QueryWebhooksArgs = {
  regionId?: InputMaybe<Scalars['ID']['input']>;
};

/** What kind of answer a survey question takes. */
export type QuestionKind =
  /** Any number of the options. */
  | 'MULTIPLE_CHOICE'
  /** The answer describes a need; it becomes a DRAFT need of the answering actor. */
  | 'NEED'
  /** A number. */
  | 'NUMBER'
  /** 1 to 5 */
  | 'SCALE'
  /** Exactly one of the options. */
  | 'SINGLE_CHOICE'
  /** Free text. */
  | 'TEXT';

/** A question's aggregate over all responses. */
export type QuestionResult = {
  __typename?: 'QuestionResult';
  /** Responses that answered it. */
  answered: Scalars['Int']['output'];
  /** For NUMBER and SCALE. */
  average?: Maybe<Scalars['Float']['output']>;
  /** average minus the previous round's average (NUMBER and SCALE), when both exist. */
  averageChange?: Maybe<Scalars['Float']['output']>;
  /** For choice questions: each option, in order. */
  optionCounts: Array<OptionCount>;
  /** The same question (kind, text and options alike) in the survey this one copied (copyFromId): the previous round, for comparison; null when there is none. */
  previous?: Maybe<QuestionResult>;
  /** The question. */
  question: SurveyQuestion;
};

/** A region of the hierarchy: state (Land), district (Kreis), Amt, municipality (Gemeinde) or village (Ortsteil). */
export type Region = Node & {
  __typename?: 'Region';
  /** Actors in this region and every region below it. */
  actors: ActorConnection;
  /** The regions directly below this one, by name. */
  children: Array<Region>;
  /** Absolute URL of an iCalendar (RFC 5545) feed of the events and office hours of this region and below. */
  icalUrl: Scalars['String']['output'];
  /** Global id (Relay) of this region. */
  id: Scalars['ID']['output'];
  /** Level in the hierarchy, from state down to village. */
  level: RegionLevel;
  /** Official name, e.g. Büsum or Kreis Dithmarschen. */
  name: Scalars['String']['output'];
  /** Needs in this region and every region below it. */
  needs: NeedConnection;
  /** Official key (Amtlicher Gemeindeschluessel) where known. */
  officialKey?: Maybe<Scalars['String']['output']>;
  /** The region directly above this one; null for the top. */
  parent?: Maybe<Region>;
  /** Ancestors from the top down, ending with this region. */
  path: Array<Region>;
};


/** A region of the hierarchy: state (Land), district (Kreis), Amt, municipality (Gemeinde) or village (Ortsteil). */
export type RegionActorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A region of the hierarchy: state (Land), district (Kreis), Amt, municipality (Gemeinde) or village (Ortsteil). */
export type RegionNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NeedFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Levels of the region hierarchy (Verwaltungsebenen), from the top down. */
export type RegionLevel =
  /** An Amt: municipalities that share one administration. */
  | 'AMT'
  /** A district (Kreis), e.g. Kreis Dithmarschen. */
  | 'DISTRICT'
  /** A municipality (Gemeinde), e.g. Büsum. */
  | 'MUNICIPALITY'
  /** A federal state (Bundesland), e.g. Schleswig-Holstein. */
  | 'STATE'
  /** A village or part of a municipality (Ortsteil). */
  | 'VILLAGE';

/** Invitations and responses of one region. */
export type RegionResponseRate = {
  __typename?: 'RegionResponseRate';
  /** Actors invited in this region and below. */
  invited: Scalars['Int']['output'];
  /** responded / invited (0 when nobody was invited). */
  rate: Scalars['Float']['output'];
  /** The region, with everything below it. */
  region: Region;
  /** Of them, those who answered. */
  responded: Scalars['Int']['output'];
};

/** Either actorId (signed in, acting for that actor) or name, email and consent (anyone). */
export type RegisterForEventInput = {
  /** Register this actor (signed in). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Consent to store name and e-mail. */
  consent?: InputMaybe<Scalars['Boolean']['input']>;
  /** A private person's e-mail. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** The event. */
  eventId: Scalars['ID']['input'];
  /** Put the registration on the waitlist when the seats are taken, instead of refusing it. */
  joinWaitlist?: InputMaybe<Scalars['Boolean']['input']>;
  /** A private person's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Seats, 1 to 10. */
  seats?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a registration (Anmeldung) stands. */
export type RegistrationStatus =
  /** Took part (after the event). */
  | 'ATTENDED'
  /** Cancelled or lapsed; its seats are free again. */
  | 'CANCELLED'
  /** Holds its seats. */
  | 'CONFIRMED'
  /** Did not come (after the event). */
  | 'NO_SHOW'
  /** A private person's registration whose e-mail is not confirmed yet; holds its seats for 48 hours. */
  | 'UNCONFIRMED'
  /** Waits for seats (Warteliste); moves up in order. */
  | 'WAITLISTED';

/** The use report (Verwendungsnachweis). */
export type ReportUseInput = {
  /** The application. */
  applicationId: Scalars['ID']['input'];
  /** What was done with the money, 1 to 10000 characters. */
  report: Scalars['String']['input'];
  /** What was spent, in cents (at most what was paid). */
  spentCents: Scalars['Int']['input'];
};

/** A board member's review. */
export type ReviewApplicationInput = {
  /** The application. */
  applicationId: Scalars['ID']['input'];
  /** A reason or remark, up to 5000 characters. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The amount recommended, in cents. */
  recommendedCents?: InputMaybe<Scalars['Int']['input']>;
  /** The vote. */
  vote: ReviewVote;
};

/** A board member's vote on an application. */
export type ReviewVote =
  /** Counts toward the quorum, for neither side. */
  | 'ABSTAIN'
  /** Recommends approving it. */
  | 'APPROVE'
  /** Recommends rejecting it. */
  | 'REJECT';

/** What a caller may do, from the sign-in token. */
export type Role =
  /** Runs the hub: may do everything. */
  | 'ADMIN'
  /** Coordinates regions (e.g. an Amt): edits everything in them. */
  | 'COORDINATOR'
  /** Acts for its own actors (a club, a school): their needs, offers, pledges. */
  | 'MEMBER'
  /** A network partner: reads NETWORK data, records cooperations in its regions. */
  | 'NETWORKER'
  /** An Ehrenamtslotse: answers consultations assigned to them (token claim pilotId). */
  | 'PILOT'
  /** Not signed in: reads PUBLIC data, may volunteer. */
  | 'PUBLIC';

/** A school (Schule) of any type. */
export type School = Actor & Node & {
  __typename?: 'School';
  /** Cooperations (Kooperationen) it takes part in, newest first; PROPOSED ones only for signed-in callers. */
  cooperations: CooperationConnection;
  /** When the actor was added to the hub. */
  createdAt: Scalars['DateTime']['output'];
  /** What the actor does, in its own words. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global id (Relay) of this actor. */
  id: Scalars['ID']['output'];
  /** What kind of actor it is; decides its object type (School, Club, ...). */
  kind: ActorKind;
  /** Where it is on the map, where known. */
  location?: Maybe<GeoPoint>;
  /** Name as the actor itself writes it, e.g. Sportverein Büsum. */
  name: Scalars['String']['output'];
  /** Needs (Bedarfe) of this actor visible to the caller, newest first. */
  needs: NeedConnection;
  /** Active offers (Angebote) of this actor visible to the caller, newest first. */
  offers: OfferConnection;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away. */
  partners: Array<Actor>;
  /** Actors reachable through cooperations of the given status, up to `depth` steps away, nearest first, each with its distance. */
  partnersWithDistance: Array<PartnerWithDistance>;
  /** The organisation's public contact channel; never a private person's data. */
  publicContact?: Maybe<ContactInfo>;
  /** Number of pupils (Schülerzahl), where known. */
  pupilCount?: Maybe<Scalars['Int']['output']>;
  /** The region it belongs to (usually its municipality). */
  region: Region;
  /** e.g. Grundschule, Gemeinschaftsschule, Gymnasium */
  schoolType?: Maybe<Scalars['String']['output']>;
  /** Topics (Themen) it works on, lower case, e.g. jugend, sport, senioren. */
  topics: Array<Scalars['String']['output']>;
  /** When the actor was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its website, an http(s) URL. */
  website?: Maybe<Scalars['String']['output']>;
};


/** A school (Schule) of any type. */
export type SchoolCooperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A school (Schule) of any type. */
export type SchoolNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<NeedStatus>>;
};


/** A school (Schule) of any type. */
export type SchoolOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A school (Schule) of any type. */
export type SchoolPartnersArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};


/** A school (Schule) of any type. */
export type SchoolPartnersWithDistanceArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CooperationStatus>;
};

/** One hit of a search: an actor of any kind, a need, an offer or a knowledge article. */
export type SearchResult = Club | Initiative | KnowledgeArticle | Need | NetworkRole | Offer | Organization | School;

/** A signed-in session of an account, ended by signOut. */
export type Session = {
  __typename?: 'Session';
  /** The account that is signed in. */
  account: Account;
  /** When the token expires (HUB_SESSION_TTL after sign-in). */
  expiresAt: Scalars['DateTime']['output'];
  /** A bearer token for Authorization headers and connection_init. */
  token: Scalars['String']['output'];
};

/** Answer for actorId when signed in as its member, or with the token of the invitation link. */
export type SubmitSurveyResponseInput = {
  /** The actor answering (required without a token). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** The answers; unanswered optional questions may be left out. */
  answers: Array<SurveyAnswerInput>;
  /** The token of the answer link from the invitation (the part after /link/). */
  invitationToken?: InputMaybe<Scalars['String']['input']>;
  /** The survey. */
  surveyId: Scalars['ID']['input'];
};

/** Live updates over WebSocket (graphql-transport-ws) or server-sent events. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Live activities of a region and below, in log order; with `after`, first every missed one. */
  activity: Activity;
  /** Live changes of events that match the filter: seats, waitlist, cancellation. */
  eventChanges: Activity;
  /** Live changes of needs that match the filter, in log order; with `after`, first every missed event since that cursor. */
  needEvents: NeedEvent;
};


/** Live updates over WebSocket (graphql-transport-ws) or server-sent events. */
export type SubscriptionActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  regionId: Scalars['ID']['input'];
  types?: InputMaybe<Array<ActivityType>>;
};


/** Live updates over WebSocket (graphql-transport-ws) or server-sent events. */
export type SubscriptionEventChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
};


/** Live updates over WebSocket (graphql-transport-ws) or server-sent events. */
export type SubscriptionNeedEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NeedFilter>;
};

/** A regular needs poll (Bedarfsabfrage) sent to the actors of a region. */
export type Survey = Node & {
  __typename?: 'Survey';
  /** Actor kinds invited; empty means all. */
  audience: Array<ActorKind>;
  /** Until when answers are taken. */
  closesAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Absolute URL of a CSV of all answers, one row per response; for coordinators (Bearer token). */
  csvUrl: Scalars['String']['output'];
  /** Global id (Relay) of this survey. */
  id: Scalars['ID']['output'];
  /** A few words for the invited, in German. */
  introduction?: Maybe<Scalars['String']['output']>;
  /** Actors invited. */
  invitedCount: Scalars['Int']['output'];
  /** When it was opened. */
  opensAt?: Maybe<Scalars['DateTime']['output']>;
  /** The questions, in order. */
  questions: Array<SurveyQuestion>;
  /** The survey's region (with everything below). */
  region: Region;
  /** Invited actors that answered. */
  respondedCount: Scalars['Int']['output'];
  /** Per region one level below the survey's region; for coordinators. */
  responseRates: Array<RegionResponseRate>;
  /** For coordinators. */
  responses: SurveyResponseConnection;
  /** Aggregates; for coordinators. */
  results: Array<QuestionResult>;
  /** DRAFT, OPEN or CLOSED. */
  status: SurveyStatus;
  /** The title, in German. */
  title: Scalars['String']['output'];
  /** Invited actors without any e-mail address (no public contact, no account), to be phoned; for coordinators. */
  unreachableActors: Array<Actor>;
};


/** A regular needs poll (Bedarfsabfrage) sent to the actors of a region. */
export type SurveyResponsesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The answer to one question. */
export type SurveyAnswer = {
  __typename?: 'SurveyAnswer';
  /** The chosen options (choice questions). */
  choices: Array<Scalars['String']['output']>;
  /** NUMBER and SCALE; a NEED answer's quantity. */
  number?: Maybe<Scalars['Float']['output']>;
  /** The question answered. */
  question: SurveyQuestion;
  /** TEXT answers; a NEED answer's title. */
  text?: Maybe<Scalars['String']['output']>;
};

/** The answer to one question. */
export type SurveyAnswerInput = {
  /** Choice questions: the chosen options. */
  choices?: InputMaybe<Array<Scalars['String']['input']>>;
  /** NEED questions. */
  need?: InputMaybe<SurveyNeedAnswerInput>;
  /** NUMBER and SCALE questions. */
  number?: InputMaybe<Scalars['Float']['input']>;
  /** SurveyQuestion.id. */
  questionId: Scalars['ID']['input'];
  /** TEXT questions. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** The need a NEED answer describes. */
export type SurveyNeedAnswerInput = {
  /** More about it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How many (1 to 10000). */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** When it is needed. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What is needed, in a few words. */
  title: Scalars['String']['input'];
};

/** A question of a survey. */
export type SurveyQuestion = {
  __typename?: 'SurveyQuestion';
  /** Stable within the survey; SurveyAnswerInput.questionId. */
  id: Scalars['ID']['output'];
  /** What kind of answer it takes. */
  kind: QuestionKind;
  /** For NEED questions: the kind of need an answer becomes. */
  needKind?: Maybe<NeedKind>;
  /** The options of a choice question; empty otherwise. */
  options: Array<Scalars['String']['output']>;
  /** Whether an answer must answer it. */
  required: Scalars['Boolean']['output'];
  /** The question, in German. */
  text: Scalars['String']['output'];
};

/** A question of a new survey. */
export type SurveyQuestionInput = {
  /** What kind of answer it takes. */
  kind: QuestionKind;
  /** For NEED questions (required there): the kind of need an answer becomes. */
  needKind?: InputMaybe<NeedKind>;
  /** For SINGLE_CHOICE and MULTIPLE_CHOICE: 2 to 30 options. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whether an answer must answer it. */
  required?: InputMaybe<Scalars['Boolean']['input']>;
  /** The question, in German (1 to 500 characters). */
  text: Scalars['String']['input'];
};

/** An actor's answers to a survey; for the survey's coordinators. */
export type SurveyResponse = Node & {
  __typename?: 'SurveyResponse';
  /** The actor that answered. */
  actor: Actor;
  /** The answers, in question order. */
  answers: Array<SurveyAnswer>;
  /** Global id (Relay) of this response. */
  id: Scalars['ID']['output'];
  /** DRAFT needs made from the NEED answers (published ones keep their link). */
  needs: Array<Need>;
  /** When it was last submitted. */
  submittedAt: Scalars['DateTime']['output'];
  /** The survey answered. */
  survey: Survey;
};

/** A page of survey responses (Relay cursor connection): first/after or last/before. */
export type SurveyResponseConnection = {
  __typename?: 'SurveyResponseConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<SurveyResponseEdge>;
  /** The items of this page without cursors, for clients that need none. */
  nodes: Array<SurveyResponse>;
  /** Cursors of this page's ends and whether more items come before or after it. */
  pageInfo: PageInfo;
  /** How many items all pages hold together; counted only when asked for. */
  totalCount: Scalars['Int']['output'];
};

/** One of the survey responses of a page, with its cursor. */
export type SurveyResponseEdge = {
  __typename?: 'SurveyResponseEdge';
  /** Opaque position of this item; pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: SurveyResponse;
};

/** Where a survey stands: DRAFT (being written), OPEN (invitations out), CLOSED. */
export type SurveyStatus =
  /** No more answers. */
  | 'CLOSED'
  /** Being written; only its coordinators see it. */
  | 'DRAFT'
  /** Invitations are out; answers are taken. */
  | 'OPEN';

/** A topic proposed for an event, with its votes. */
export type TopicProposal = Node & {
  __typename?: 'TopicProposal';
  /** When it was proposed. */
  createdAt: Scalars['DateTime']['output'];
  /** More about it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The event it is proposed for. */
  event: Event;
  /** Global id (Relay) of this proposal. */
  id: Scalars['ID']['output'];
  /** The proposing actor, if any. */
  proposedBy?: Maybe<Actor>;
  /** The topic, e.g. Datenschutz im Verein. */
  title: Scalars['String']['output'];
  /** How many actors and accounts voted for it. */
  votes: Scalars['Int']['output'];
};

/** Changes to an actor: only the fields given are changed, null clears an optional one; its kind stays. */
export type UpdateActorInput = {
  /** What the actor does, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** INITIATIVE only: when it started. */
  foundedOn?: InputMaybe<Scalars['Date']['input']>;
  /** NETWORK_ROLE only: the organisation that hosts the role. */
  hostedById?: InputMaybe<Scalars['ID']['input']>;
  /** Where it is on the map. */
  location?: InputMaybe<GeoPointInput>;
  /** CLUB only: number of members. */
  memberCount?: InputMaybe<Scalars['Int']['input']>;
  /** Name, 2 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** CLUB only: board positions (Vorstandsposten) that need a successor. */
  openBoardPositions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Public contact channel, replacing the old one; never a private person's data. */
  publicContact?: InputMaybe<ContactInfoInput>;
  /** SCHOOL only: number of pupils. */
  pupilCount?: InputMaybe<Scalars['Int']['input']>;
  /** Moves it to another region, which the caller must coordinate too. */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** CLUB only: a registered association (e.V.). */
  registeredAssociation?: InputMaybe<Scalars['Boolean']['input']>;
  /** NETWORK_ROLE only: title of the role, 2 to 200 characters. */
  roleTitle?: InputMaybe<Scalars['String']['input']>;
  /** SCHOOL only: type of school, e.g. Grundschule. */
  schoolType?: InputMaybe<Scalars['String']['input']>;
  /** Topics (Themen), replacing the old ones; each up to 50 characters, at most 30. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Website, an http(s) URL of up to 500 characters. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields to change. */
export type UpdateContactPointInput = {
  /** New access notes. */
  accessibility?: InputMaybe<Scalars['String']['input']>;
  /** New address. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** New description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the exceptions. */
  exceptions?: InputMaybe<Array<OpeningExceptionInput>>;
  /** New host actor. */
  hostedById?: InputMaybe<Scalars['ID']['input']>;
  /** Replaces the hours. */
  hours?: InputMaybe<Array<OpeningRuleInput>>;
  /** New location. */
  location?: InputMaybe<GeoPointInput>;
  /** New name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the staffing actors. */
  staffedByIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** New visibility. */
  visibility?: InputMaybe<Visibility>;
};

/** Changes to a cooperation: only the fields given are changed. */
export type UpdateCooperationInput = {
  /** What the partners do together, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When it ended; not before startedOn. */
  endedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Two or more distinct actors, replacing all participants. */
  participantIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** When it began. */
  startedOn?: InputMaybe<Scalars['Date']['input']>;
  /** New status, e.g. ACTIVE once the partners agreed or ENDED. */
  status?: InputMaybe<CooperationStatus>;
  /** Short title, 2 to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields to change. */
export type UpdateEventInput = {
  /** Raising it promotes waitlisted registrations in order; lowering it below the registered seats is a CONFLICT. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** New contact point. */
  contactPointId?: InputMaybe<Scalars['ID']['input']>;
  /** New description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New end. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** New location. */
  location?: InputMaybe<GeoPointInput>;
  /** New registration deadline. */
  registrationDeadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** New start. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** New title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the topics. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New venue. */
  venue?: InputMaybe<Scalars['String']['input']>;
  /** New visibility. */
  visibility?: InputMaybe<Visibility>;
};

/** Changes to a need: only the fields given are changed. */
export type UpdateNeedInput = {
  /** Until when pledges are wanted. */
  deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** Details, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When the help ends; not before startsAt. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Where exactly. */
  location?: InputMaybe<GeoPointInput>;
  /** How many are needed, 1 to 100000 and not below what is pledged; FILLED and OPEN follow. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** When the help starts. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Free keywords, at most 20, replacing the old ones. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Short title, 2 to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** What is counted, up to 100 characters. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** How urgent it is. */
  urgency?: InputMaybe<Urgency>;
  /** Who may see it. */
  visibility?: InputMaybe<Visibility>;
};

/** Changes to an offer: only the fields given are changed. */
export type UpdateOfferInput = {
  /** From when it is available. */
  availableFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Until when it is available; not before availableFrom. */
  availableUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** Details, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Where exactly. */
  location?: InputMaybe<GeoPointInput>;
  /** How many, 1 to 100000. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Free keywords, at most 20, replacing the old ones. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Short title, 2 to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** What is counted, up to 100 characters. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** Who may see it. */
  visibility?: InputMaybe<Visibility>;
};

/** Only the fields to change. */
export type UpdatePilotInput = {
  /** Takes on consultations (or pauses). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the areas. */
  areas?: InputMaybe<Array<ExpertiseArea>>;
  /** New text about the pilot. */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** New name. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** New monthly capacity, 0 to 100. */
  monthlyCapacity?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces the regions served. */
  regionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** How urgent a need is (Dringlichkeit). */
export type Urgency =
  /** Urgent (dringend); shown as such while the need is open. */
  | 'HIGH'
  /** Whenever it suits. */
  | 'LOW'
  /** The usual. */
  | 'NORMAL';

/** Who is calling, and what they may edit. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Actors the viewer may edit: a MEMBER its own, a COORDINATOR those of its regions (first 500 by name); an ADMIN may edit every actor and gets an empty list. */
  actors: Array<Actor>;
  /** Regions the viewer coordinates (COORDINATOR), empty otherwise. */
  regions: Array<Region>;
  /** The caller's role; PUBLIC without a sign-in. */
  role: Role;
};

/** Who may see a record: PUBLIC is shown to anyone, embedded widgets included; NETWORK only to signed-in partners. */
export type Visibility =
  /** Shown to signed-in partners of the network only (intern). */
  | 'NETWORK'
  /** Shown to anyone, embedded widgets included (öffentlich). */
  | 'PUBLIC';

/** A private person offering help through a public page or widget. */
export type VolunteerInput = {
  /** Consent to store the name and e-mail for this need; required to be true. */
  consent: Scalars['Boolean']['input'];
  /** The person's e-mail address, so the actor can reply. */
  email: Scalars['String']['input'];
  /** A message for the actor, up to 2000 characters. */
  message?: InputMaybe<Scalars['String']['input']>;
  /** The person's name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** The PUBLIC need the person wants to help with; it must be OPEN. */
  needId: Scalars['ID']['input'];
  /** How much they cover, 1 to 100 and up to what is missing. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** A partner system's endpoint that receives activities as signed POSTs (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature headers, HMAC-SHA256), retried with backoff. */
export type Webhook = Node & {
  __typename?: 'Webhook';
  /** False after 20 failed attempts in a row; then nothing is sent. */
  active: Scalars['Boolean']['output'];
  /** Failed attempts since the last delivered activity. */
  consecutiveFailures: Scalars['Int']['output'];
  /** When it was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** Newest first. */
  deliveries: Array<WebhookDelivery>;
  /** What it is for, in the owners’ words. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global id (Relay) of this webhook. */
  id: Scalars['ID']['output'];
  /** The region whose activities it receives. */
  region: Region;
  /** The activity types it receives. */
  types: Array<ActivityType>;
  /** Where activities are POSTed (https). */
  url: Scalars['String']['output'];
};


/** A partner system's endpoint that receives activities as signed POSTs (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature headers, HMAC-SHA256), retried with backoff. */
export type WebhookDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One attempt to deliver one activity to a webhook. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Cursor of the activity it delivered (as in Activity.cursor). */
  activityCursor: Scalars['String']['output'];
  /** Which attempt for this activity (1 for the first). */
  attempt: Scalars['Int']['output'];
  /** When it was accepted (2xx); null otherwise. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it failed (German); null on success. */
  error?: Maybe<Scalars['String']['output']>;
  /** Id of the attempt. */
  id: Scalars['ID']['output'];
  /** When it is tried again; null when not. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** HTTP status of the answer; null without one. */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type AppViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AppViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', role: Role, regions: Array<{ __typename?: 'Region', id: string, name: string }>, actors: Array<
      | { __typename?: 'Club', id: string, name: string }
      | { __typename?: 'Initiative', id: string, name: string }
      | { __typename?: 'NetworkRole', id: string, name: string }
      | { __typename?: 'Organization', id: string, name: string }
      | { __typename?: 'School', id: string, name: string }
    > } };

export type AppConsultationRowFragment = { __typename?: 'Consultation', id: string, subject: string, area: ExpertiseArea, status: ConsultationStatus, createdAt: string, dueAt?: string | null, actor:
    | { __typename?: 'Club', id: string, name: string }
    | { __typename?: 'Initiative', id: string, name: string }
    | { __typename?: 'NetworkRole', id: string, name: string }
    | { __typename?: 'Organization', id: string, name: string }
    | { __typename?: 'School', id: string, name: string }
  , pilot?: { __typename?: 'Pilot', id: string, displayName: string } | null };

export type AppConsultationsQueryVariables = Exact<{
  filter?: InputMaybe<ConsultationFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AppConsultationsQuery = { __typename?: 'Query', consultations: { __typename?: 'ConsultationConnection', nodes: Array<{ __typename?: 'Consultation', id: string, subject: string, area: ExpertiseArea, status: ConsultationStatus, createdAt: string, dueAt?: string | null, actor:
        | { __typename?: 'Club', id: string, name: string }
        | { __typename?: 'Initiative', id: string, name: string }
        | { __typename?: 'NetworkRole', id: string, name: string }
        | { __typename?: 'Organization', id: string, name: string }
        | { __typename?: 'School', id: string, name: string }
      , pilot?: { __typename?: 'Pilot', id: string, displayName: string } | null }> } };

export type AppConsultationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  suggest: Scalars['Boolean']['input'];
}>;


export type AppConsultationQuery = { __typename?: 'Query', node?:
    | { __typename: 'Account' }
    | { __typename: 'Club' }
    | { __typename: 'Consultation', question: string, id: string, subject: string, area: ExpertiseArea, status: ConsultationStatus, createdAt: string, dueAt?: string | null, messages: Array<{ __typename?: 'ConsultationMessage', id: string, author: string, body: string, createdAt: string }>, suggestedPilots?: Array<{ __typename?: 'PilotSuggestion', score: number, reasons: Array<string>, pilot: { __typename?: 'Pilot', id: string, displayName: string } }>, actor:
        | { __typename?: 'Club', id: string, name: string }
        | { __typename?: 'Initiative', id: string, name: string }
        | { __typename?: 'NetworkRole', id: string, name: string }
        | { __typename?: 'Organization', id: string, name: string }
        | { __typename?: 'School', id: string, name: string }
      , pilot?: { __typename?: 'Pilot', id: string, displayName: string } | null }
    | { __typename: 'ContactPoint' }
    | { __typename: 'Cooperation' }
    | { __typename: 'Event' }
    | { __typename: 'EventRegistration' }
    | { __typename: 'FundingApplication' }
    | { __typename: 'FundingProgramme' }
    | { __typename: 'Initiative' }
    | { __typename: 'KnowledgeArticle' }
    | { __typename: 'Need' }
    | { __typename: 'NetworkRole' }
    | { __typename: 'Offer' }
    | { __typename: 'Organization' }
    | { __typename: 'Pilot' }
    | { __typename: 'Pledge' }
    | { __typename: 'Region' }
    | { __typename: 'School' }
    | { __typename: 'Survey' }
    | { __typename: 'SurveyResponse' }
    | { __typename: 'TopicProposal' }
    | { __typename: 'Webhook' }
   | null };

export type AppAskPilotsMutationVariables = Exact<{
  input: AskPilotsInput;
}>;


export type AppAskPilotsMutation = { __typename?: 'Mutation', askPilots: { __typename?: 'Consultation', id: string } };

export type AppReplyToConsultationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  body: Scalars['String']['input'];
}>;


export type AppReplyToConsultationMutation = { __typename?: 'Mutation', replyToConsultation: { __typename?: 'Consultation', id: string, status: ConsultationStatus } };

export type AppAssignConsultationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  pilotId: Scalars['ID']['input'];
  overCapacity?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type AppAssignConsultationMutation = { __typename?: 'Mutation', assignConsultation: { __typename?: 'Consultation', id: string, status: ConsultationStatus } };

export type DashboardViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', role: Role, regions: Array<{ __typename?: 'Region', id: string, name: string, level: RegionLevel }>, actors: Array<
      | { __typename?: 'Club', id: string, name: string, region: { __typename?: 'Region', id: string, name: string, level: RegionLevel } }
      | { __typename?: 'Initiative', id: string, name: string, region: { __typename?: 'Region', id: string, name: string, level: RegionLevel } }
      | { __typename?: 'NetworkRole', id: string, name: string, region: { __typename?: 'Region', id: string, name: string, level: RegionLevel } }
      | { __typename?: 'Organization', id: string, name: string, region: { __typename?: 'Region', id: string, name: string, level: RegionLevel } }
      | { __typename?: 'School', id: string, name: string, region: { __typename?: 'Region', id: string, name: string, level: RegionLevel } }
    > } };

export type DashboardRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardRegionsQuery = { __typename?: 'Query', regions: Array<{ __typename?: 'Region', id: string, name: string, level: RegionLevel, parent?: { __typename?: 'Region', id: string } | null }> };

export type BoardNeedFragment = { __typename?: 'Need', id: string, kind: NeedKind, title: string, quantity: number, unit?: string | null, pledgedQuantity: number, remainingQuantity: number, status: NeedStatus, urgency: Urgency, visibility: Visibility, startsAt?: string | null, deadline?: string | null, updatedAt: string, actor:
    | { __typename?: 'Club', id: string, name: string }
    | { __typename?: 'Initiative', id: string, name: string }
    | { __typename?: 'NetworkRole', id: string, name: string }
    | { __typename?: 'Organization', id: string, name: string }
    | { __typename?: 'School', id: string, name: string }
  , region: { __typename?: 'Region', id: string, name: string } };

export type DashboardNeedsQueryVariables = Exact<{
  regionId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardNeedsQuery = { __typename?: 'Query', needs: { __typename?: 'NeedConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Need', id: string, kind: NeedKind, title: string, quantity: number, unit?: string | null, pledgedQuantity: number, remainingQuantity: number, status: NeedStatus, urgency: Urgency, visibility: Visibility, startsAt?: string | null, deadline?: string | null, updatedAt: string, actor:
        | { __typename?: 'Club', id: string, name: string }
        | { __typename?: 'Initiative', id: string, name: string }
        | { __typename?: 'NetworkRole', id: string, name: string }
        | { __typename?: 'Organization', id: string, name: string }
        | { __typename?: 'School', id: string, name: string }
      , region: { __typename?: 'Region', id: string, name: string } }> } };

export type DashboardNeedEventsSubscriptionVariables = Exact<{
  regionId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardNeedEventsSubscription = { __typename?: 'Subscription', needEvents: { __typename?: 'NeedEvent', cursor: string, type: NeedEventType, occurredAt: string, need: { __typename?: 'Need', id: string, kind: NeedKind, title: string, quantity: number, unit?: string | null, pledgedQuantity: number, remainingQuantity: number, status: NeedStatus, urgency: Urgency, visibility: Visibility, startsAt?: string | null, deadline?: string | null, updatedAt: string, actor:
        | { __typename?: 'Club', id: string, name: string }
        | { __typename?: 'Initiative', id: string, name: string }
        | { __typename?: 'NetworkRole', id: string, name: string }
        | { __typename?: 'Organization', id: string, name: string }
        | { __typename?: 'School', id: string, name: string }
      , region: { __typename?: 'Region', id: string, name: string } } } };

type MapActor_Club_Fragment = { __typename?: 'Club', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } };

type MapActor_Initiative_Fragment = { __typename?: 'Initiative', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } };

type MapActor_NetworkRole_Fragment = { __typename?: 'NetworkRole', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } };

type MapActor_Organization_Fragment = { __typename?: 'Organization', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } };

type MapActor_School_Fragment = { __typename?: 'School', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } };

export type MapActorFragment =
  | MapActor_Club_Fragment
  | MapActor_Initiative_Fragment
  | MapActor_NetworkRole_Fragment
  | MapActor_Organization_Fragment
  | MapActor_School_Fragment
;

export type DashboardNetworkQueryVariables = Exact<{
  regionId: Scalars['ID']['input'];
}>;


export type DashboardNetworkQuery = { __typename?: 'Query', network: { __typename?: 'Network', actors: Array<
      | { __typename?: 'Club', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } }
      | { __typename?: 'Initiative', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } }
      | { __typename?: 'NetworkRole', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } }
      | { __typename?: 'Organization', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } }
      | { __typename?: 'School', id: string, kind: ActorKind, name: string, topics: Array<string>, region: { __typename?: 'Region', id: string, name: string } }
    >, cooperations: Array<{ __typename?: 'Cooperation', id: string, kind: CooperationKind, title: string, status: CooperationStatus, participants: Array<
        | { __typename?: 'Club', id: string }
        | { __typename?: 'Initiative', id: string }
        | { __typename?: 'NetworkRole', id: string }
        | { __typename?: 'Organization', id: string }
        | { __typename?: 'School', id: string }
      > }>, stats: { __typename?: 'NetworkStats', actorCount: number, cooperationCount: number, componentCount: number, isolatedActorCount: number, density: number } }, overlaps: Array<{ __typename?: 'ActorOverlap', score: number, sharedTopics: Array<string>, actors: Array<
      | { __typename?: 'Club', id: string, name: string }
      | { __typename?: 'Initiative', id: string, name: string }
      | { __typename?: 'NetworkRole', id: string, name: string }
      | { __typename?: 'Organization', id: string, name: string }
      | { __typename?: 'School', id: string, name: string }
    > }> };

export type DashboardActorQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DashboardActorQuery = { __typename?: 'Query', actor?:
    | { __typename?: 'Club', description?: string | null, website?: string | null, id: string, kind: ActorKind, name: string, topics: Array<string>, partners: Array<
        | { __typename?: 'Club', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Initiative', id: string, name: string, kind: ActorKind }
        | { __typename?: 'NetworkRole', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Organization', id: string, name: string, kind: ActorKind }
        | { __typename?: 'School', id: string, name: string, kind: ActorKind }
      >, needs: { __typename?: 'NeedConnection', nodes: Array<{ __typename?: 'Need', id: string, title: string, kind: NeedKind, quantity: number, unit?: string | null, remainingQuantity: number }> }, region: { __typename?: 'Region', id: string, name: string } }
    | { __typename?: 'Initiative', description?: string | null, website?: string | null, id: string, kind: ActorKind, name: string, topics: Array<string>, partners: Array<
        | { __typename?: 'Club', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Initiative', id: string, name: string, kind: ActorKind }
        | { __typename?: 'NetworkRole', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Organization', id: string, name: string, kind: ActorKind }
        | { __typename?: 'School', id: string, name: string, kind: ActorKind }
      >, needs: { __typename?: 'NeedConnection', nodes: Array<{ __typename?: 'Need', id: string, title: string, kind: NeedKind, quantity: number, unit?: string | null, remainingQuantity: number }> }, region: { __typename?: 'Region', id: string, name: string } }
    | { __typename?: 'NetworkRole', description?: string | null, website?: string | null, id: string, kind: ActorKind, name: string, topics: Array<string>, partners: Array<
        | { __typename?: 'Club', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Initiative', id: string, name: string, kind: ActorKind }
        | { __typename?: 'NetworkRole', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Organization', id: string, name: string, kind: ActorKind }
        | { __typename?: 'School', id: string, name: string, kind: ActorKind }
      >, needs: { __typename?: 'NeedConnection', nodes: Array<{ __typename?: 'Need', id: string, title: string, kind: NeedKind, quantity: number, unit?: string | null, remainingQuantity: number }> }, region: { __typename?: 'Region', id: string, name: string } }
    | { __typename?: 'Organization', description?: string | null, website?: string | null, id: string, kind: ActorKind, name: string, topics: Array<string>, partners: Array<
        | { __typename?: 'Club', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Initiative', id: string, name: string, kind: ActorKind }
        | { __typename?: 'NetworkRole', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Organization', id: string, name: string, kind: ActorKind }
        | { __typename?: 'School', id: string, name: string, kind: ActorKind }
      >, needs: { __typename?: 'NeedConnection', nodes: Array<{ __typename?: 'Need', id: string, title: string, kind: NeedKind, quantity: number, unit?: string | null, remainingQuantity: number }> }, region: { __typename?: 'Region', id: string, name: string } }
    | { __typename?: 'School', description?: string | null, website?: string | null, id: string, kind: ActorKind, name: string, topics: Array<string>, partners: Array<
        | { __typename?: 'Club', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Initiative', id: string, name: string, kind: ActorKind }
        | { __typename?: 'NetworkRole', id: string, name: string, kind: ActorKind }
        | { __typename?: 'Organization', id: string, name: string, kind: ActorKind }
        | { __typename?: 'School', id: string, name: string, kind: ActorKind }
      >, needs: { __typename?: 'NeedConnection', nodes: Array<{ __typename?: 'Need', id: string, title: string, kind: NeedKind, quantity: number, unit?: string | null, remainingQuantity: number }> }, region: { __typename?: 'Region', id: string, name: string } }
   | null, cooperationSuggestions: Array<{ __typename?: 'CooperationSuggestion', score: number, sharedTopics: Array<string>, reasons: Array<string>, actor:
      | { __typename?: 'Club', id: string, name: string, kind: ActorKind }
      | { __typename?: 'Initiative', id: string, name: string, kind: ActorKind }
      | { __typename?: 'NetworkRole', id: string, name: string, kind: ActorKind }
      | { __typename?: 'Organization', id: string, name: string, kind: ActorKind }
      | { __typename?: 'School', id: string, name: string, kind: ActorKind }
     }> };

export type DashboardRequestSignInMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type DashboardRequestSignInMutation = { __typename?: 'Mutation', requestSignIn: boolean };

export type DashboardSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type DashboardSignOutMutation = { __typename?: 'Mutation', signOut: boolean };

export type DashboardUseLinkMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type DashboardUseLinkMutation = { __typename?: 'Mutation', useLink: { __typename?: 'LinkResult', ok: boolean, message: string, session?: { __typename?: 'Session', token: string } | null } };

export type WidgetNeedFragment = { __typename?: 'Need', id: string, kind: NeedKind, title: string, description?: string | null, quantity: number, unit?: string | null, pledgedQuantity: number, remainingQuantity: number, status: NeedStatus, urgency: Urgency, startsAt?: string | null, endsAt?: string | null, deadline?: string | null, actor:
    | { __typename?: 'Club', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
    | { __typename?: 'Initiative', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
    | { __typename?: 'NetworkRole', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
    | { __typename?: 'Organization', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
    | { __typename?: 'School', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
  , region: { __typename?: 'Region', id: string, name: string } };

export type WidgetNeedsQueryVariables = Exact<{
  regionId: Scalars['ID']['input'];
  kinds?: InputMaybe<Array<NeedKind> | NeedKind>;
  first: Scalars['Int']['input'];
}>;


export type WidgetNeedsQuery = { __typename?: 'Query', region?: { __typename?: 'Region', id: string, name: string } | null, needs: { __typename?: 'NeedConnection', totalCount: number, nodes: Array<{ __typename?: 'Need', id: string, kind: NeedKind, title: string, description?: string | null, quantity: number, unit?: string | null, pledgedQuantity: number, remainingQuantity: number, status: NeedStatus, urgency: Urgency, startsAt?: string | null, endsAt?: string | null, deadline?: string | null, actor:
        | { __typename?: 'Club', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'Initiative', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'NetworkRole', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'Organization', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'School', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
      , region: { __typename?: 'Region', id: string, name: string } }> } };

export type WidgetNeedEventsSubscriptionVariables = Exact<{
  regionId: Scalars['ID']['input'];
  kinds?: InputMaybe<Array<NeedKind> | NeedKind>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WidgetNeedEventsSubscription = { __typename?: 'Subscription', needEvents: { __typename?: 'NeedEvent', cursor: string, type: NeedEventType, need: { __typename?: 'Need', id: string, kind: NeedKind, title: string, description?: string | null, quantity: number, unit?: string | null, pledgedQuantity: number, remainingQuantity: number, status: NeedStatus, urgency: Urgency, startsAt?: string | null, endsAt?: string | null, deadline?: string | null, actor:
        | { __typename?: 'Club', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'Initiative', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'NetworkRole', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'Organization', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'School', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
      , region: { __typename?: 'Region', id: string, name: string } } } };

export type WidgetVolunteerMutationVariables = Exact<{
  input: VolunteerInput;
}>;


export type WidgetVolunteerMutation = { __typename?: 'Mutation', volunteer: { __typename?: 'Pledge', id: string, quantity: number, status: PledgeStatus, need: { __typename?: 'Need', id: string, kind: NeedKind, title: string, description?: string | null, quantity: number, unit?: string | null, pledgedQuantity: number, remainingQuantity: number, status: NeedStatus, urgency: Urgency, startsAt?: string | null, endsAt?: string | null, deadline?: string | null, actor:
        | { __typename?: 'Club', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'Initiative', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'NetworkRole', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'Organization', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
        | { __typename?: 'School', id: string, name: string, publicContact?: { __typename?: 'ContactInfo', address?: string | null } | null }
      , region: { __typename?: 'Region', id: string, name: string } } } };

export type WidgetEventFragment = { __typename?: 'Event', id: string, kind: EventKind, title: string, description?: string | null, startsAt: string, endsAt: string, status: EventStatus, venue?: string | null, capacity?: number | null, remainingSeats?: number | null, registrationDeadline?: string | null, location?: { __typename?: 'GeoPoint', latitude: number, longitude: number } | null, region: { __typename?: 'Region', id: string, name: string }, organizer:
    | { __typename?: 'Club', id: string, name: string }
    | { __typename?: 'Initiative', id: string, name: string }
    | { __typename?: 'NetworkRole', id: string, name: string }
    | { __typename?: 'Organization', id: string, name: string }
    | { __typename?: 'School', id: string, name: string }
  , contactPoint?: { __typename?: 'ContactPoint', id: string, name: string, address?: string | null } | null };

export type WidgetEventsQueryVariables = Exact<{
  regionId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
}>;


export type WidgetEventsQuery = { __typename?: 'Query', region?: { __typename?: 'Region', id: string, name: string } | null, events: { __typename?: 'EventConnection', totalCount: number, nodes: Array<{ __typename?: 'Event', id: string, kind: EventKind, title: string, description?: string | null, startsAt: string, endsAt: string, status: EventStatus, venue?: string | null, capacity?: number | null, remainingSeats?: number | null, registrationDeadline?: string | null, location?: { __typename?: 'GeoPoint', latitude: number, longitude: number } | null, region: { __typename?: 'Region', id: string, name: string }, organizer:
        | { __typename?: 'Club', id: string, name: string }
        | { __typename?: 'Initiative', id: string, name: string }
        | { __typename?: 'NetworkRole', id: string, name: string }
        | { __typename?: 'Organization', id: string, name: string }
        | { __typename?: 'School', id: string, name: string }
      , contactPoint?: { __typename?: 'ContactPoint', id: string, name: string, address?: string | null } | null }> } };

export type WidgetEventChangesSubscriptionVariables = Exact<{
  regionId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WidgetEventChangesSubscription = { __typename?: 'Subscription', eventChanges: { __typename?: 'Activity', cursor: string, type: ActivityType, subject:
      | { __typename?: 'Account' }
      | { __typename?: 'Club' }
      | { __typename?: 'Consultation' }
      | { __typename?: 'ContactPoint' }
      | { __typename?: 'Cooperation' }
      | { __typename?: 'Event', id: string, kind: EventKind, title: string, description?: string | null, startsAt: string, endsAt: string, status: EventStatus, venue?: string | null, capacity?: number | null, remainingSeats?: number | null, registrationDeadline?: string | null, location?: { __typename?: 'GeoPoint', latitude: number, longitude: number } | null, region: { __typename?: 'Region', id: string, name: string }, organizer:
          | { __typename?: 'Club', id: string, name: string }
          | { __typename?: 'Initiative', id: string, name: string }
          | { __typename?: 'NetworkRole', id: string, name: string }
          | { __typename?: 'Organization', id: string, name: string }
          | { __typename?: 'School', id: string, name: string }
        , contactPoint?: { __typename?: 'ContactPoint', id: string, name: string, address?: string | null } | null }
      | { __typename?: 'EventRegistration' }
      | { __typename?: 'FundingApplication' }
      | { __typename?: 'FundingProgramme' }
      | { __typename?: 'Initiative' }
      | { __typename?: 'KnowledgeArticle' }
      | { __typename?: 'Need' }
      | { __typename?: 'NetworkRole' }
      | { __typename?: 'Offer' }
      | { __typename?: 'Organization' }
      | { __typename?: 'Pilot' }
      | { __typename?: 'Pledge' }
      | { __typename?: 'Region' }
      | { __typename?: 'School' }
      | { __typename?: 'Survey' }
      | { __typename?: 'SurveyResponse' }
      | { __typename?: 'TopicProposal' }
      | { __typename?: 'Webhook' }
     } };

export type WidgetRegisterForEventMutationVariables = Exact<{
  input: RegisterForEventInput;
}>;


export type WidgetRegisterForEventMutation = { __typename?: 'Mutation', registerForEvent: { __typename?: 'EventRegistration', id: string, status: RegistrationStatus, seats: number, waitlistPosition?: number | null, event: { __typename?: 'Event', id: string, kind: EventKind, title: string, description?: string | null, startsAt: string, endsAt: string, status: EventStatus, venue?: string | null, capacity?: number | null, remainingSeats?: number | null, registrationDeadline?: string | null, location?: { __typename?: 'GeoPoint', latitude: number, longitude: number } | null, region: { __typename?: 'Region', id: string, name: string }, organizer:
        | { __typename?: 'Club', id: string, name: string }
        | { __typename?: 'Initiative', id: string, name: string }
        | { __typename?: 'NetworkRole', id: string, name: string }
        | { __typename?: 'Organization', id: string, name: string }
        | { __typename?: 'School', id: string, name: string }
      , contactPoint?: { __typename?: 'ContactPoint', id: string, name: string, address?: string | null } | null } } };

export type WidgetOpeningsQueryVariables = Exact<{
  regionId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
}>;


export type WidgetOpeningsQuery = { __typename?: 'Query', region?: { __typename?: 'Region', id: string, name: string } | null, openings: Array<{ __typename?: 'Opening', startsAt: string, endsAt: string, note?: string | null, contactPoint: { __typename?: 'ContactPoint', id: string, name: string, kind: ContactPointKind, address?: string | null, accessibility?: string | null, location?: { __typename?: 'GeoPoint', latitude: number, longitude: number } | null } }> };

export type WidgetKnowledgeQueryVariables = Exact<{
  text?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
}>;


export type WidgetKnowledgeQuery = { __typename?: 'Query', knowledgeArticles: { __typename?: 'KnowledgeArticleConnection', totalCount: number, nodes: Array<{ __typename?: 'KnowledgeArticle', id: string, area: ExpertiseArea, title: string, body: string, publishedAt: string, region?: { __typename?: 'Region', name: string } | null }> } };

export type TrustedRegionNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type TrustedRegionNamesQuery = { __typename?: 'Query', regions: Array<{ __typename?: 'Region', id: string, name: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AppConsultationRowFragmentDoc = new TypedDocumentString(`
    fragment AppConsultationRow on Consultation {
  id
  subject
  area
  status
  createdAt
  dueAt
  actor {
    id
    name
  }
  pilot {
    id
    displayName
  }
}
    `, {"fragmentName":"AppConsultationRow"}) as unknown as TypedDocumentString<AppConsultationRowFragment, unknown>;
export const BoardNeedFragmentDoc = new TypedDocumentString(`
    fragment BoardNeed on Need {
  id
  kind
  title
  quantity
  unit
  pledgedQuantity
  remainingQuantity
  status
  urgency
  visibility
  startsAt
  deadline
  updatedAt
  actor {
    id
    name
  }
  region {
    id
    name
  }
}
    `, {"fragmentName":"BoardNeed"}) as unknown as TypedDocumentString<BoardNeedFragment, unknown>;
export const MapActorFragmentDoc = new TypedDocumentString(`
    fragment MapActor on Actor {
  id
  kind
  name
  topics
  region {
    id
    name
  }
}
    `, {"fragmentName":"MapActor"}) as unknown as TypedDocumentString<MapActorFragment, unknown>;
export const WidgetNeedFragmentDoc = new TypedDocumentString(`
    fragment WidgetNeed on Need {
  id
  kind
  title
  description
  quantity
  unit
  pledgedQuantity
  remainingQuantity
  status
  urgency
  startsAt
  endsAt
  deadline
  actor {
    id
    name
    publicContact {
      address
    }
  }
  region {
    id
    name
  }
}
    `, {"fragmentName":"WidgetNeed"}) as unknown as TypedDocumentString<WidgetNeedFragment, unknown>;
export const WidgetEventFragmentDoc = new TypedDocumentString(`
    fragment WidgetEvent on Event {
  id
  kind
  title
  description
  startsAt
  endsAt
  status
  venue
  capacity
  remainingSeats
  registrationDeadline
  location {
    latitude
    longitude
  }
  region {
    id
    name
  }
  organizer {
    id
    name
  }
  contactPoint {
    id
    name
    address
  }
}
    `, {"fragmentName":"WidgetEvent"}) as unknown as TypedDocumentString<WidgetEventFragment, unknown>;
export const AppViewerDocument = new TypedDocumentString(`
    query AppViewer {
  viewer {
    role
    regions {
      id
      name
    }
    actors {
      id
      name
    }
  }
}
    `, {"hash":"2c7d5f99f4c22e0dde29d4e4f1cebbef802ccefb5c425081f65c77152e53d408"}) as unknown as TypedDocumentString<AppViewerQuery, AppViewerQueryVariables>;
export const AppConsultationsDocument = new TypedDocumentString(`
    query AppConsultations($filter: ConsultationFilter, $after: String) {
  consultations(filter: $filter, first: 50, after: $after) {
    nodes {
      ...AppConsultationRow
    }
  }
}
    fragment AppConsultationRow on Consultation {
  id
  subject
  area
  status
  createdAt
  dueAt
  actor {
    id
    name
  }
  pilot {
    id
    displayName
  }
}`, {"hash":"69069d577ebc9a8eebb18263e79f09675e2d63827f7e99ae4e03600c3eec2328"}) as unknown as TypedDocumentString<AppConsultationsQuery, AppConsultationsQueryVariables>;
export const AppConsultationDocument = new TypedDocumentString(`
    query AppConsultation($id: ID!, $suggest: Boolean!) {
  node(id: $id) {
    __typename
    ... on Consultation {
      ...AppConsultationRow
      question
      messages {
        id
        author
        body
        createdAt
      }
      suggestedPilots(first: 5) @include(if: $suggest) {
        score
        reasons
        pilot {
          id
          displayName
        }
      }
    }
  }
}
    fragment AppConsultationRow on Consultation {
  id
  subject
  area
  status
  createdAt
  dueAt
  actor {
    id
    name
  }
  pilot {
    id
    displayName
  }
}`, {"hash":"5c1b4dec4a065ef44f3bdd9f4abc01e7dd4306ae78edb141701a5441281f1273"}) as unknown as TypedDocumentString<AppConsultationQuery, AppConsultationQueryVariables>;
export const AppAskPilotsDocument = new TypedDocumentString(`
    mutation AppAskPilots($input: AskPilotsInput!) {
  askPilots(input: $input) {
    id
  }
}
    `, {"hash":"4da665e5a2e831b0ac98b00129fc84e32a50a48066658f0429da3cd9bc101a8b"}) as unknown as TypedDocumentString<AppAskPilotsMutation, AppAskPilotsMutationVariables>;
export const AppReplyToConsultationDocument = new TypedDocumentString(`
    mutation AppReplyToConsultation($id: ID!, $body: String!) {
  replyToConsultation(id: $id, body: $body) {
    id
    status
  }
}
    `, {"hash":"b64f1b286ba2ffb4e4a1f4570bce5eabfb78af11ca775704aa41ba9d762729fe"}) as unknown as TypedDocumentString<AppReplyToConsultationMutation, AppReplyToConsultationMutationVariables>;
export const AppAssignConsultationDocument = new TypedDocumentString(`
    mutation AppAssignConsultation($id: ID!, $pilotId: ID!, $overCapacity: Boolean) {
  assignConsultation(id: $id, pilotId: $pilotId, overCapacity: $overCapacity) {
    id
    status
  }
}
    `, {"hash":"4b62babd8d0b951f0d25ae8aa459f92bff6f9d6aa2d59c25451de1dbb0fadef3"}) as unknown as TypedDocumentString<AppAssignConsultationMutation, AppAssignConsultationMutationVariables>;
export const DashboardViewerDocument = new TypedDocumentString(`
    query DashboardViewer {
  viewer {
    role
    regions {
      id
      name
      level
    }
    actors {
      id
      name
      region {
        id
        name
        level
      }
    }
  }
}
    `, {"hash":"f5fbfaa6eca258633aeef5e4cbf5ba812a11c5f51bb0ac546410b64f5caf95de"}) as unknown as TypedDocumentString<DashboardViewerQuery, DashboardViewerQueryVariables>;
export const DashboardRegionsDocument = new TypedDocumentString(`
    query DashboardRegions {
  regions {
    id
    name
    level
    parent {
      id
    }
  }
}
    `, {"hash":"34ebf1e1ed54da166f9124637d3c6dcf5efb73f72defef3d2173054bd2587341"}) as unknown as TypedDocumentString<DashboardRegionsQuery, DashboardRegionsQueryVariables>;
export const DashboardNeedsDocument = new TypedDocumentString(`
    query DashboardNeeds($regionId: ID!, $after: String) {
  needs(
    filter: {regionId: $regionId, status: [OPEN, FILLED]}
    first: 100
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...BoardNeed
    }
  }
}
    fragment BoardNeed on Need {
  id
  kind
  title
  quantity
  unit
  pledgedQuantity
  remainingQuantity
  status
  urgency
  visibility
  startsAt
  deadline
  updatedAt
  actor {
    id
    name
  }
  region {
    id
    name
  }
}`, {"hash":"4321fcd3c1c33f97cccee6fc970cb500228fe0301c8598d45fd823746dc295c2"}) as unknown as TypedDocumentString<DashboardNeedsQuery, DashboardNeedsQueryVariables>;
export const DashboardNeedEventsDocument = new TypedDocumentString(`
    subscription DashboardNeedEvents($regionId: ID!, $after: String) {
  needEvents(filter: {regionId: $regionId}, after: $after) {
    cursor
    type
    occurredAt
    need {
      ...BoardNeed
    }
  }
}
    fragment BoardNeed on Need {
  id
  kind
  title
  quantity
  unit
  pledgedQuantity
  remainingQuantity
  status
  urgency
  visibility
  startsAt
  deadline
  updatedAt
  actor {
    id
    name
  }
  region {
    id
    name
  }
}`, {"hash":"deac19d4eb4f1e1351c8be1ca2a45d1c79373c050198fc4696166f1a6b41eddc"}) as unknown as TypedDocumentString<DashboardNeedEventsSubscription, DashboardNeedEventsSubscriptionVariables>;
export const DashboardNetworkDocument = new TypedDocumentString(`
    query DashboardNetwork($regionId: ID!) {
  network(regionId: $regionId) {
    actors {
      ...MapActor
    }
    cooperations {
      id
      kind
      title
      status
      participants {
        id
      }
    }
    stats {
      actorCount
      cooperationCount
      componentCount
      isolatedActorCount
      density
    }
  }
  overlaps(regionId: $regionId, first: 20) {
    score
    sharedTopics
    actors {
      id
      name
    }
  }
}
    fragment MapActor on Actor {
  id
  kind
  name
  topics
  region {
    id
    name
  }
}`, {"hash":"44cab87a67c93fab04ddc4d2662f382c6e027d8fc9396e167da29239e31ede78"}) as unknown as TypedDocumentString<DashboardNetworkQuery, DashboardNetworkQueryVariables>;
export const DashboardActorDocument = new TypedDocumentString(`
    query DashboardActor($id: ID!) {
  actor(id: $id) {
    ...MapActor
    description
    website
    partners {
      id
      name
      kind
    }
    needs(status: [OPEN], first: 10) {
      nodes {
        id
        title
        kind
        quantity
        unit
        remainingQuantity
      }
    }
  }
  cooperationSuggestions(actorId: $id, first: 5) {
    score
    sharedTopics
    reasons
    actor {
      id
      name
      kind
    }
  }
}
    fragment MapActor on Actor {
  id
  kind
  name
  topics
  region {
    id
    name
  }
}`, {"hash":"2ae66de3b632acbb2f4137d5361ae0e4f53fb28a58748756543d5835bc63b625"}) as unknown as TypedDocumentString<DashboardActorQuery, DashboardActorQueryVariables>;
export const DashboardRequestSignInDocument = new TypedDocumentString(`
    mutation DashboardRequestSignIn($email: String!) {
  requestSignIn(email: $email)
}
    `, {"hash":"4437dc479d2960698b948ac1c6c421d1e3d31d47e1c658e1695c393e2d24e988"}) as unknown as TypedDocumentString<DashboardRequestSignInMutation, DashboardRequestSignInMutationVariables>;
export const DashboardSignOutDocument = new TypedDocumentString(`
    mutation DashboardSignOut {
  signOut
}
    `, {"hash":"e7a8750004ae55db12663dc2c78258c2624ab4b62db38207aaeb0292f3685823"}) as unknown as TypedDocumentString<DashboardSignOutMutation, DashboardSignOutMutationVariables>;
export const DashboardUseLinkDocument = new TypedDocumentString(`
    mutation DashboardUseLink($token: String!) {
  useLink(token: $token) {
    ok
    message
    session {
      token
    }
  }
}
    `, {"hash":"05d6eafd4bef1af036f4ede003f79224054ef6580f2f25dc1a69dd7e03fdaae2"}) as unknown as TypedDocumentString<DashboardUseLinkMutation, DashboardUseLinkMutationVariables>;
export const WidgetNeedsDocument = new TypedDocumentString(`
    query WidgetNeeds($regionId: ID!, $kinds: [NeedKind!], $first: Int!) {
  region(id: $regionId) {
    id
    name
  }
  needs(
    filter: {regionId: $regionId, kinds: $kinds, status: [OPEN]}
    first: $first
  ) {
    totalCount
    nodes {
      ...WidgetNeed
    }
  }
}
    fragment WidgetNeed on Need {
  id
  kind
  title
  description
  quantity
  unit
  pledgedQuantity
  remainingQuantity
  status
  urgency
  startsAt
  endsAt
  deadline
  actor {
    id
    name
    publicContact {
      address
    }
  }
  region {
    id
    name
  }
}`, {"hash":"dc60f2594316719c05f6f0923328d700981a7708f6e539c31491448e3beaf0c2"}) as unknown as TypedDocumentString<WidgetNeedsQuery, WidgetNeedsQueryVariables>;
export const WidgetNeedEventsDocument = new TypedDocumentString(`
    subscription WidgetNeedEvents($regionId: ID!, $kinds: [NeedKind!], $after: String) {
  needEvents(filter: {regionId: $regionId, kinds: $kinds}, after: $after) {
    cursor
    type
    need {
      ...WidgetNeed
    }
  }
}
    fragment WidgetNeed on Need {
  id
  kind
  title
  description
  quantity
  unit
  pledgedQuantity
  remainingQuantity
  status
  urgency
  startsAt
  endsAt
  deadline
  actor {
    id
    name
    publicContact {
      address
    }
  }
  region {
    id
    name
  }
}`, {"hash":"7a06c08a62c9af64553648540a366ad9ae7f5cfb86afe08093687ac116002410"}) as unknown as TypedDocumentString<WidgetNeedEventsSubscription, WidgetNeedEventsSubscriptionVariables>;
export const WidgetVolunteerDocument = new TypedDocumentString(`
    mutation WidgetVolunteer($input: VolunteerInput!) {
  volunteer(input: $input) {
    id
    quantity
    status
    need {
      ...WidgetNeed
    }
  }
}
    fragment WidgetNeed on Need {
  id
  kind
  title
  description
  quantity
  unit
  pledgedQuantity
  remainingQuantity
  status
  urgency
  startsAt
  endsAt
  deadline
  actor {
    id
    name
    publicContact {
      address
    }
  }
  region {
    id
    name
  }
}`, {"hash":"7f4375cbd83ed75db3dc4a2246f236f07f01740472a2af363138f77937f2dd18"}) as unknown as TypedDocumentString<WidgetVolunteerMutation, WidgetVolunteerMutationVariables>;
export const WidgetEventsDocument = new TypedDocumentString(`
    query WidgetEvents($regionId: ID!, $first: Int!) {
  region(id: $regionId) {
    id
    name
  }
  events(filter: {regionId: $regionId}, first: $first) {
    totalCount
    nodes {
      ...WidgetEvent
    }
  }
}
    fragment WidgetEvent on Event {
  id
  kind
  title
  description
  startsAt
  endsAt
  status
  venue
  capacity
  remainingSeats
  registrationDeadline
  location {
    latitude
    longitude
  }
  region {
    id
    name
  }
  organizer {
    id
    name
  }
  contactPoint {
    id
    name
    address
  }
}`, {"hash":"d11cacab30fad86365bee3e31714ff12030c99455f1f256be401eea019fcf44a"}) as unknown as TypedDocumentString<WidgetEventsQuery, WidgetEventsQueryVariables>;
export const WidgetEventChangesDocument = new TypedDocumentString(`
    subscription WidgetEventChanges($regionId: ID!, $after: String) {
  eventChanges(filter: {regionId: $regionId}, after: $after) {
    cursor
    type
    subject {
      ... on Event {
        ...WidgetEvent
      }
    }
  }
}
    fragment WidgetEvent on Event {
  id
  kind
  title
  description
  startsAt
  endsAt
  status
  venue
  capacity
  remainingSeats
  registrationDeadline
  location {
    latitude
    longitude
  }
  region {
    id
    name
  }
  organizer {
    id
    name
  }
  contactPoint {
    id
    name
    address
  }
}`, {"hash":"b07a508e4948bdbb2905f16e70949cd315edaf989fab5089ab2e93373c91a853"}) as unknown as TypedDocumentString<WidgetEventChangesSubscription, WidgetEventChangesSubscriptionVariables>;
export const WidgetRegisterForEventDocument = new TypedDocumentString(`
    mutation WidgetRegisterForEvent($input: RegisterForEventInput!) {
  registerForEvent(input: $input) {
    id
    status
    seats
    waitlistPosition
    event {
      ...WidgetEvent
    }
  }
}
    fragment WidgetEvent on Event {
  id
  kind
  title
  description
  startsAt
  endsAt
  status
  venue
  capacity
  remainingSeats
  registrationDeadline
  location {
    latitude
    longitude
  }
  region {
    id
    name
  }
  organizer {
    id
    name
  }
  contactPoint {
    id
    name
    address
  }
}`, {"hash":"d682676e3b79c60de7382f9c60997d6fdd5b01a497b5cb2925eba2434a478be4"}) as unknown as TypedDocumentString<WidgetRegisterForEventMutation, WidgetRegisterForEventMutationVariables>;
export const WidgetOpeningsDocument = new TypedDocumentString(`
    query WidgetOpenings($regionId: ID!, $first: Int!) {
  region(id: $regionId) {
    id
    name
  }
  openings(regionId: $regionId, first: $first) {
    startsAt
    endsAt
    note
    contactPoint {
      id
      name
      kind
      address
      accessibility
      location {
        latitude
        longitude
      }
    }
  }
}
    `, {"hash":"a3adaf896b30f0a12b1e5706a34b0b9be8ea13f1680cb2b547c00e01d9eeb486"}) as unknown as TypedDocumentString<WidgetOpeningsQuery, WidgetOpeningsQueryVariables>;
export const WidgetKnowledgeDocument = new TypedDocumentString(`
    query WidgetKnowledge($text: String, $first: Int!) {
  knowledgeArticles(text: $text, first: $first) {
    totalCount
    nodes {
      id
      area
      title
      body
      publishedAt
      region {
        name
      }
    }
  }
}
    `, {"hash":"3c3de67780ff293ec93b18ac54029940cbbcc3202ccd8c185b772017b2a1233a"}) as unknown as TypedDocumentString<WidgetKnowledgeQuery, WidgetKnowledgeQueryVariables>;
export const TrustedRegionNamesDocument = new TypedDocumentString(`
    query TrustedRegionNames {
  regions {
    id
    name
  }
}
    `, {"hash":"221d5326743b299d44b9a789710c52cb135b3ec13c43ecd01ee3297c1b1b3580"}) as unknown as TypedDocumentString<TrustedRegionNamesQuery, TrustedRegionNamesQueryVariables>;