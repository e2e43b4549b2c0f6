import type { FastifyInstance } from 'fastify';
import { UpcomingPage } from '../../../views/pages/newsroom/upcoming.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { PageHelpers } from './page-helpers.js';

/** /newsroom/upcoming: the desk's calendar of what publishes or goes live next. */
export function upcomingPages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  app.get('/newsroom/upcoming', { config: { permission: 'story.read' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const [items, zones, serviceZones] = await Promise.all([actions.listUpcoming(actor), actions.zonesFor(actor, null), actions.serviceTimeZones()]);
    return html(reply, <UpcomingPage masthead={await mastheadFor(request)} items={items} zone={zones.own} serviceZones={serviceZones} />);
  });
}
