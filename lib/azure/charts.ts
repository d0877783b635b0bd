/**
 * The Helm charts the platform installs, pinned: name, repository and version, in one place. The configuration's
 * `chartVersion` defaults and the add-on constructs both read them. A version here needs its default values vendored
 * under `vendor/charts/<chart>/<version>/` (scripts/refresh-charts.sh).
 */
import type { ChartPin } from './chart-catalog';

export type { ChartPin };

/** ingress-nginx (the seed's ingress controller). */
export const INGRESS_NGINX_CHART: ChartPin = {
  chart: 'ingress-nginx',
  repository: 'https://kubernetes.github.io/ingress-nginx',
  version: '4.15.1',
  commentedKeys: ['controller.maxUnavailable', 'controller.updateStrategy.rollingUpdate'],
};

/** Application Gateway for Containers' ALB controller (published only as an OCI chart). */
export const ALB_CONTROLLER_CHART: ChartPin = {
  chart: 'alb-controller',
  repository: 'oci://mcr.microsoft.com/application-lb/charts',
  version: '1.7.9',
};

/** The Trivy operator. */
export const TRIVY_OPERATOR_CHART: ChartPin = {
  chart: 'trivy-operator',
  repository: 'https://aquasecurity.github.io/helm-charts/',
  version: '0.34.0',
};

/** Velero. */
export const VELERO_CHART: ChartPin = {
  chart: 'velero',
  repository: 'https://vmware-tanzu.github.io/helm-charts',
  version: '12.1.0',
};
