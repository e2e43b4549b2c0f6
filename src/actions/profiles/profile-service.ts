import { notFound } from '../../domain/shared/errors.js';
import type { Repositories } from '../../store/store.js';

/** A profile's service must exist (null: shared by every service). */
export async function requireKnownService(repos: Repositories, serviceCode: string | null): Promise<void> {
  if (serviceCode !== null && !(await repos.services.find(serviceCode))) {
    throw notFound('SERVICE_NOT_FOUND', `there is no service "${serviceCode}"`, 'serviceCode');
  }
}
