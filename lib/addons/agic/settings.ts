/** AGIC's settings (`ingress.agic`) and their cross-field checks. No constructs here. */
import { z } from 'zod';
import { azureResourceId } from '../../config/schema/common';
import type { ResolvedEnvironment } from '../../config/model';
import type { Problem } from '../../config/problem';

/** `ingress.agic`. */
export const agicSettingsSchema = z.strictObject({
  applicationGatewayId: azureResourceId.optional().describe('Resource ID of the existing Application Gateway. Required when ingress.controller is agic.'),
});

/** AGIC needs its gateway. */
export function checkAgic(env: ResolvedEnvironment, out: Problem[]): void {
  const ing = env.ingress;
  if (ing.controller === 'agic' && !ing.agic.applicationGatewayId) {
    out.push({ path: 'ingress.agic.applicationGatewayId', message: 'is required when ingress.controller is agic', allowed: 'the resource ID of an existing Application Gateway' });
  }
}
