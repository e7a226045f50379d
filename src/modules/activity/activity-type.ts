// What can happen in the network: every value of the contract's ActivityType enum. A feature
// writes the ones it owns (services.activity.record); the later issues' features add theirs
// here only if the contract grows. Stored as text, not a PostgreSQL enum, so a new value needs
// no migration.
export enum ActivityType {
  ACTOR_CREATED = 'ACTOR_CREATED',
  COOPERATION_CREATED = 'COOPERATION_CREATED',
  NEED_OPENED = 'NEED_OPENED',
  NEED_FILLED = 'NEED_FILLED',
  PLEDGE_MADE = 'PLEDGE_MADE',
  EVENT_SCHEDULED = 'EVENT_SCHEDULED',
  EVENT_REGISTRATION = 'EVENT_REGISTRATION',
  EVENT_FULL = 'EVENT_FULL',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  CONSULTATION_ASKED = 'CONSULTATION_ASKED',
  CONSULTATION_ANSWERED = 'CONSULTATION_ANSWERED',
  SURVEY_OPENED = 'SURVEY_OPENED',
  SURVEY_RESPONDED = 'SURVEY_RESPONDED',
  APPLICATION_SUBMITTED = 'APPLICATION_SUBMITTED',
  APPLICATION_DECIDED = 'APPLICATION_DECIDED',
  CAMPAIGN_PLEDGED = 'CAMPAIGN_PLEDGED',
  CAMPAIGN_ENDED = 'CAMPAIGN_ENDED',
  NEWS_PUBLISHED = 'NEWS_PUBLISHED',
  BOOKING_REQUESTED = 'BOOKING_REQUESTED',
  BOOKING_CONFIRMED = 'BOOKING_CONFIRMED',
}

/** One line of schema description per value (the contract gives none). */
export const ACTIVITY_TYPE_DESCRIPTIONS: Record<ActivityType, string> = {
  ACTOR_CREATED: 'An actor (school, club, initiative ...) was added to the hub.',
  COOPERATION_CREATED: 'A cooperation (Kooperation) between actors was recorded.',
  NEED_OPENED: 'A need (Bedarf) was published.',
  NEED_FILLED: 'A need became fully pledged.',
  PLEDGE_MADE: 'An actor or a volunteer pledged part of a need (Zusage).',
  EVENT_SCHEDULED: 'An event (Veranstaltung) was scheduled.',
  EVENT_REGISTRATION: 'Someone registered for an event (Anmeldung).',
  EVENT_FULL: 'An event has no seats left.',
  EVENT_CANCELLED: 'An event was cancelled (abgesagt).',
  CONSULTATION_ASKED: 'A question for the pilots (Lotsen) came in.',
  CONSULTATION_ANSWERED: 'A pilot answered a consultation.',
  SURVEY_OPENED: 'A survey (Umfrage) was opened.',
  SURVEY_RESPONDED: 'An actor answered a survey.',
  APPLICATION_SUBMITTED: 'A funding application (Förderantrag) was submitted.',
  APPLICATION_DECIDED: 'A funding application was decided.',
  CAMPAIGN_PLEDGED: 'Someone pledged money to a campaign (Spendenaktion).',
  CAMPAIGN_ENDED: 'A campaign ended.',
  NEWS_PUBLISHED: 'A news post (Aktuelles) was published.',
  BOOKING_REQUESTED: 'A booking of an offer was requested (Ausleihe).',
  BOOKING_CONFIRMED: 'A booking of an offer was confirmed.',
};
