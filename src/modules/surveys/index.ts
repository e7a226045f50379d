// Surveys (Bedarfsabfrage): coordinators poll the actors of their region; every actor of the
// audience gets a personal answer link by mail (links kind `survey`), answers once (replaced
// while open), and coordinators read counts, rates per region, aggregates and a CSV.
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import type { LinksServices } from '../links';
import type { MailServices } from '../mail';
import type { NeedsServices } from '../needs';
import { draftNeedsHook } from './survey-drafts';
import { visibleResponse, visibleSurvey } from './survey-access';
import { SURVEY_LINK_KIND, SurveyInvitations } from './survey-invitations';
import { SurveyResults } from './survey-results';
import { registerSurveyAnswerPage } from './survey-answer.page';
import { registerSurveyRoutes } from './survey.routes';
import { Survey, SurveyInvitation, SurveyNeed, SurveyResponse } from './survey.entity';
import { createSurveyLoaders } from './survey.loaders';
import { canAnswerFor, canRunSurvey, canSeeSurvey } from './survey.permissions';
import {
  RegionResponseRateResolver,
  SurveyResolver,
  SurveyResponseResolver,
} from './survey.resolver';
import { SurveyService } from './survey.service';

export const surveysModule = defineModule({
  name: 'surveys',
  entities: [Survey, SurveyInvitation, SurveyResponse, SurveyNeed],
  resolvers: [SurveyResolver, SurveyResponseResolver, RegionResponseRateResolver],
  nodeTypes: [
    {
      name: 'Survey',
      fetch: visibleSurvey,
      entities: ['Survey'],
      displayName: (s) => (s as Survey).title,
    },
    // Answers of an actor: only for the survey's coordinators; not an entity.
    { name: 'SurveyResponse', fetch: visibleResponse },
  ],
  services: ({
    db,
    audit,
    activity,
    mail,
    links,
    needDrafts,
  }: HubInfra &
    AuditServices &
    ActivityServices &
    MailServices &
    LinksServices &
    NeedsServices) => {
    const surveys = new SurveyService(
      db,
      audit,
      activity,
      links,
      new SurveyInvitations(mail, links),
    );
    surveys.onResponse(draftNeedsHook(needDrafts));
    // The answer link is presented with each submission, not used up; clicking it says so.
    links.registerHandler(SURVEY_LINK_KIND, () =>
      Promise.resolve({
        ok: true,
        message:
          'Ihr Antwort-Link für die Bedarfsabfrage ist gültig. Sie können damit antworten, solange die Abfrage läuft.',
      }),
    );
    return {
      surveys,
      surveyResults: new SurveyResults(db, surveys.responseColumns, surveys.hydrateResponse),
    };
  },
  loaders: ({ surveys, surveyResults }) => createSurveyLoaders(surveys, surveyResults),
  routes: (app, { surveys, surveyResults }, deps) => {
    registerSurveyRoutes(app, surveys, surveyResults, deps);
    registerSurveyAnswerPage(app, surveys, deps);
  },
  permissions: { canRunSurvey, canSeeSurvey, canAnswerFor },
});

/** What the surveys module adds to ctx.services, for the modules after it. */
export type SurveysServices = ServicesOf<typeof surveysModule>;
