import type { Kysely } from 'kysely';
import type { ServiceInfo } from '../../domain/service/service-info.js';
import type { LanguageService, ScriptDirection, Section, Tag } from '../../domain/service/service.js';
import type { Database } from '../database.js';

export class ServiceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<LanguageService[]> {
    const rows = await this.db.selectFrom('services').selectAll().orderBy('position').orderBy('code').execute();
    return rows.map(toService);
  }

  async find(code: string): Promise<LanguageService | undefined> {
    const row = await this.db.selectFrom('services').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toService(row);
  }

  /** Each service's time zone (IANA name), by code. */
  async timeZones(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('services').select(['code', 'time_zone']).execute();
    return new Map(rows.map((r) => [r.code, r.time_zone]));
  }

  async setTimeZone(code: string, zone: string): Promise<void> {
    await this.db.updateTable('services').set({ time_zone: zone }).where('code', '=', code).execute();
  }

  async insert(service: LanguageService): Promise<void> {
    await this.db.insertInto('services').values(service).execute();
  }

  async update(service: LanguageService): Promise<void> {
    const { code, ...fields } = service;
    await this.db.updateTable('services').set(fields).where('code', '=', code).execute();
  }

  /** What the service says about itself and how to reach it (its About and Contact pages). */
  async findInfo(code: string): Promise<ServiceInfo | undefined> {
    const row = await this.db
      .selectFrom('services')
      .select(['about', 'contact_email', 'contact_postal', 'contact_phone'])
      .where('code', '=', code)
      .executeTakeFirst();
    return row && { about: row.about, email: row.contact_email, postal: row.contact_postal, phone: row.contact_phone };
  }

  async updateInfo(code: string, info: ServiceInfo): Promise<void> {
    await this.db
      .updateTable('services')
      .set({ about: info.about, contact_email: info.email, contact_postal: info.postal, contact_phone: info.phone })
      .where('code', '=', code)
      .execute();
  }

  /** Every service's sections, in navigation order. */
  async listAllSections(): Promise<Section[]> {
    const rows = await this.db.selectFrom('sections').selectAll().orderBy('service_code').orderBy('position').orderBy('id').execute();
    return rows.map(toSection);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async listSections(serviceCode: string): Promise<Section[]> {
    const rows = await this.db
      .selectFrom('sections')
      .selectAll()
      .where('service_code', '=', serviceCode)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toSection);
  }

  async findSection(serviceCode: string, slug: string): Promise<Section | undefined> {
    const row = await this.db
      .selectFrom('sections')
      .selectAll()
      .where('service_code', '=', serviceCode)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && toSection(row);
  }

  async findSectionById(id: number): Promise<Section | undefined> {
    const row = await this.db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSection(row);
  }

  async insertSection(section: Omit<Section, 'id'>): Promise<Section> {
    const { id } = await this.db
      .insertInto('sections')
      .values({ service_code: section.serviceCode, slug: section.slug, name: section.name, position: section.position, podcast: section.podcast ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...section, id };
  }

  async updateSection(section: Section): Promise<void> {
    await this.db
      .updateTable('sections')
      .set({ slug: section.slug, name: section.name, position: section.position, podcast: section.podcast ? 1 : 0 })
      .where('id', '=', section.id)
      .execute();
  }

  async findTag(serviceCode: string, slug: string): Promise<Tag | undefined> {
    const row = await this.db
      .selectFrom('tags')
      .selectAll()
      .where('service_code', '=', serviceCode)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && toTag(row);
  }

  /** A service's topics by name, for the newsroom's story form (at most `limit`). */
  async listTags(serviceCode: string, limit = 500): Promise<Tag[]> {
    const rows = await this.db.selectFrom('tags').selectAll().where('service_code', '=', serviceCode).orderBy('name').limit(limit).execute();
    return rows.map(toTag);
  }

  async findTagsByIds(ids: readonly number[]): Promise<Tag[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('tags').selectAll().where('id', 'in', ids).orderBy('name').execute();
    return rows.map(toTag);
  }

  async insertTag(tag: Omit<Tag, 'id'>): Promise<Tag> {
    const { id } = await this.db
      .insertInto('tags')
      .values({ service_code: tag.serviceCode, slug: tag.slug, name: tag.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...tag, id };
  }
}

function toService(row: Pick<Database['services'], 'code' | 'name' | 'locale' | 'direction' | 'outlet' | 'position'>): LanguageService {
  return {
    code: row.code,
    name: row.name,
    locale: row.locale,
    direction: row.direction as ScriptDirection,
    outlet: row.outlet,
    position: row.position,
  };
}

function toSection(row: { id: number; service_code: string; slug: string; name: string; position: number; podcast: number }): Section {
  return { id: row.id, serviceCode: row.service_code, slug: row.slug, name: row.name, position: row.position, podcast: Number(row.podcast) === 1 };
}

function toTag(row: { id: number; service_code: string; slug: string; name: string }): Tag {
  return { id: row.id, serviceCode: row.service_code, slug: row.slug, name: row.name };
}
