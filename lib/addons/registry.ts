/**
 * Every add-on, in the order the stacks build them. Adding an add-on: a folder `lib/addons/<name>/` with its
 * `addon.ts`, and one line here (docs/extending.md walks through it).
 */
import type { AddOn } from './add-on';
import { agic } from './agic/addon';
import { albController } from './alb-controller/addon';
import { ingressNginx } from './ingress-nginx/addon';
import { trivyOperator } from './trivy-operator/addon';
import { velero } from './velero/addon';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each add-on has its own construct and output types
export const ADDONS: readonly AddOn<any, any>[] = [ingressNginx, albController, agic, trivyOperator, velero];
