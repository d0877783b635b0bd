import { defineAddOn } from '../add-on';
import { AgicPermissions } from './azure';

/** AGIC (`ingress.controller: agic`): the cluster's AGIC add-on identity gets its roles on the existing gateway. */
export const agic = defineAddOn({
  name: 'agic',
  configBlock: 'ingress.agic',
  enabled: (env) => env.ingress.controller === 'agic',
  infra: ({ scope, env, cluster }) => ({
    construct: new AgicPermissions(scope, 'agic', {
      applicationGatewayId: env.ingress.agic.applicationGatewayId!,
      agicPrincipalId: cluster.agicIdentity.objectId,
    }),
  }),
});
