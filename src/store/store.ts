import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../domain/shared/clock.js';
import type { DatelineEvent } from '../events/events.js';
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
import { TranslationRepository } from './repositories/translations.repository.js';
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
  readonly translations: TranslationRepository;
}

/** Records an event of the transaction it is given to: logged with the change, told to listeners after commit. */
export type Emit = (event: DatelineEvent) => void;

/** All access to the database goes through a Store: reads, or one transaction for a write. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** This process's name in the event log: its relay reads only the other processes' events. */
  readonly origin: string;
  readonly read: Repositories;
  /**
   * Runs `work` in one transaction. Events it emits are written to the event log in the same
   * transaction (so other processes see them exactly when the change is visible), and told to
   * `onCommitted` once it has committed; a transaction that fails leaves no trace of them.
   */
  transaction<T>(work: (repositories: Repositories, emit: Emit) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Stamps event log rows (the relay ages them on the same clock). */
  readonly clock?: Clock;
  readonly origin?: string;
  /**
   * The one place told what each committed transaction emitted, in order: the in-process event
   * bus (a cross-node notifier, e.g. PostgreSQL NOTIFY, would be called here too).
   */
  readonly onCommitted?: (events: readonly DatelineEvent[]) => void;
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
    translations: new TranslationRepository(db),
  };
}

/** A name unique to this process among those sharing the database. */
export function newOrigin(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export function createStore(db: Kysely<Database>, kind: 'sqlite' | 'postgres', options: StoreOptions = {}): Store {
  const clock = options.clock ?? systemClock;
  const origin = options.origin ?? newOrigin();
  return {
    kind,
    origin,
    read: repositoriesFor(db),
    async transaction(work) {
      const emitted: DatelineEvent[] = [];
      let open = true;
      const emit: Emit = (event) => {
        if (!open) throw new Error(`event ${event.type} emitted after its transaction ended`);
        emitted.push(event);
      };
      const result = await db
        .transaction()
        .execute(async (trx) => {
          const repositories = repositoriesFor(trx);
          const value = await work(repositories, emit);
          open = false;
          await repositories.eventLog.append(origin, emitted.map((event) => JSON.stringify(event)), clock.now());
          return value;
        })
        .finally(() => {
          open = false;
        });
      if (emitted.length > 0) options.onCommitted?.(emitted);
      return result;
    },
    close: () => db.destroy(),
  };
}
