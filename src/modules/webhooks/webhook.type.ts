import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay.types';
import { ActivityType } from '../activity/activity-type';

@ObjectType('WebhookDelivery', { description: 'One attempt to deliver one activity to a webhook.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Id of the attempt.' })
  id: string;

  @Field({ description: 'Cursor of the activity it delivered (as in Activity.cursor).' })
  activityCursor: string;

  @Field(() => Int, { description: 'Which attempt for this activity (1 for the first).' })
  attempt: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the answer; null without one.' })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed (German); null on success.' })
  error: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted (2xx); null otherwise.' })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it is tried again; null when not.' })
  nextAttemptAt: Date | null;
}

@ObjectType('Webhook', {
  implements: Node,
  description:
    "A partner system's endpoint that receives activities as signed POSTs (Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature headers, HMAC-SHA256), retried with backoff.",
})
export class WebhookType extends Node {
  @Field({ description: 'Where activities are POSTed (https).' })
  url: string;

  @Field(() => String, { nullable: true, description: 'What it is for, in the owners’ words.' })
  description: string | null;

  @Field(() => [ActivityType], { description: 'The activity types it receives.' })
  types: ActivityType[];

  @Field({ description: 'False after 20 failed attempts in a row; then nothing is sent.' })
  active: boolean;

  @Field(() => Int, { description: 'Failed attempts since the last delivered activity.' })
  consecutiveFailures: number;

  @Field({ description: 'When it was registered.' })
  createdAt: Date;
}

@ObjectType('CreatedWebhook', { description: 'A new webhook with its signing secret.' })
export class CreatedWebhookType {
  @Field(() => WebhookType, { description: 'The webhook.' })
  webhook: object;

  @Field({ description: 'The signing secret (whsec_...), shown only in this answer.' })
  secret: string;
}

@InputType('CreateWebhookInput', { description: 'A webhook to register.' })
export class CreateWebhookInput {
  @Field({ description: 'https address of the receiver (http only to localhost in development).' })
  url: string;

  @Field(() => ID, { description: 'The region whose activities (and those below) it receives.' })
  regionId: string;

  @Field(() => [ActivityType], { description: 'The activity types it receives.' })
  types: ActivityType[];

  @Field(() => String, { nullable: true, description: 'What it is for (at most 500 characters).' })
  description?: string | null;
}
