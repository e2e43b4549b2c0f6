import type { LanguageService, Section } from '../../domain/service/service.js';
import { readableServices } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** The services an actor works for, and their sections: the choices of the newsroom's forms. */
export async function newsroomFormOptions(deps: ActionDeps, actor: Actor): Promise<{ services: LanguageService[]; sections: Section[] }> {
  const allowed = readableServices(actor);
  const services = (await deps.store.read.services.list()).filter((s) => allowed === null || allowed.includes(s.code));
  const sections = (await Promise.all(services.map((s) => deps.store.read.services.listSections(s.code)))).flat();
  return { services, sections };
}
