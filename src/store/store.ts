import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { AlertRepository } from './repositories/alerts.repository.js';
import { CommentRulesRepository } from './repositories/comment-rules.repository.js';
import { CommentRepository } from './repositories/comments.repository.js';
import { ContentApiKeyRepository } from './repositories/content-api-keys.repository.js';
import { WebhookRepository } from './repositories/webhooks.repository.js';
import { EventLogRepository } from './repositories/event-log.repository.js';
import { FrontPageRepository } from './repositories/front-page.repository.js';
import { JobRepository } from './repositories/jobs.repository.js';
import { PushRepository } from './repositories/push.repository.js';
import { LiveEntryRepository } from './repositories/live-entries.repository.js';
import { MediaRepository } from './repositories/media.repository.js';
import { OpenUploadRepository } from './repositories/open-uploads.repository.js';
import { ProfileRepository } from './repositories/profiles.repository.js';
import { SearchRepository } from './repositories/search.repository.js';
import { ServiceRepository } from './repositories/services.repository.js';
import { StoryRepository } from './repositories/stories.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { RevisionRepository } from './repositories/revisions.repository.js';
import { SessionRepository } from './repositories/sessions.repository.js';
import { UserRepository } from './repositories/users.repository.js';

export interface Repositories {
  readonly services: ServiceRepository;
  readonly stories: StoryRepository;
  readonly profiles: ProfileRepository;
  readonly media: MediaRepository;
  readonly alerts: AlertRepository;
  readonly comments: CommentRepository;
  readonly revisions: RevisionRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly audit: AuditRepository;
  readonly commentRules: CommentRulesRepository;
  readonly jobs: JobRepository;
  readonly eventLog: EventLogRepository;
  readonly openUploads: OpenUploadRepository;
  readonly frontPage: FrontPageRepository;
  readonly search: SearchRepository;
  readonly contentApiKeys: ContentApiKeyRepository;
  readonly webhooks: WebhookRepository;
  readonly liveEntries: LiveEntryRepository;
  readonly push: PushRepository;
}

/** All access to the database goes through a Store: reads, or one transaction for a write. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly read: Repositories;
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function repositoriesFor(db: Kysely<Database>): Repositories {
  return {
    services: new ServiceRepository(db),
    stories: new StoryRepository(db),
    profiles: new ProfileRepository(db),
    media: new MediaRepository(db),
    alerts: new AlertRepository(db),
    comments: new CommentRepository(db),
    revisions: new RevisionRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    audit: new AuditRepository(db),
    commentRules: new CommentRulesRepository(db),
    jobs: new JobRepository(db),
    eventLog: new EventLogRepository(db),
    openUploads: new OpenUploadRepository(db),
    frontPage: new FrontPageRepository(db),
    search: new SearchRepository(db),
    contentApiKeys: new ContentApiKeyRepository(db),
    webhooks: new WebhookRepository(db),
    liveEntries: new LiveEntryRepository(db),
    push: new PushRepository(db),
  };
}

export function createStore(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): Store {
  return {
    kind,
    read: repositoriesFor(db),
    transaction: (work) => db.transaction().execute((trx) => work(repositoriesFor(trx))),
    close: () => db.destroy(),
  };
}
