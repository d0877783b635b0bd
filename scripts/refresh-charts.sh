#!/usr/bin/env bash
# Refreshes the vendored default values (and values.schema.json where the chart has one) of one pinned Helm chart,
# so synth validates add-on values against the chart version you pin. Needs network access and `helm` (3.8+).
#
#   scripts/refresh-charts.sh <chart> <version>     e.g. scripts/refresh-charts.sh velero 12.2.0
#
# Then set the new version in the add-on's CHART pin (lib/constructs/addons/<name>/index.ts), run the tests and
# review the diff of vendor/charts/<chart>/<version>/ (new or removed keys are what your values may need to follow).
set -euo pipefail
cd "$(dirname "$0")/.."
chart="${1:?usage: $0 <chart> <version>}"
version="${2:?usage: $0 <chart> <version>}"

case "$chart" in
  ingress-nginx)  ref="ingress-nginx/ingress-nginx"; repo_name=ingress-nginx; repo_url=https://kubernetes.github.io/ingress-nginx ;;
  trivy-operator) ref="aqua/trivy-operator";          repo_name=aqua;          repo_url=https://aquasecurity.github.io/helm-charts/ ;;
  velero)         ref="vmware-tanzu/velero";          repo_name=vmware-tanzu;  repo_url=https://vmware-tanzu.github.io/helm-charts ;;
  alb-controller) ref="oci://mcr.microsoft.com/application-lb/charts/alb-controller"; repo_name=""; repo_url="" ;;
  *) echo "unknown chart $chart (known: ingress-nginx trivy-operator velero alb-controller)" >&2; exit 2 ;;
esac

command -v helm >/dev/null || { echo "helm is required (https://helm.sh/docs/intro/install/)" >&2; exit 1; }
if [ -n "$repo_name" ]; then
  helm repo add "$repo_name" "$repo_url" --force-update >/dev/null
  helm repo update "$repo_name" >/dev/null
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
helm pull "$ref" --version "$version" --untar --untardir "$tmp"
src="$tmp/$chart"
dest="vendor/charts/$chart/$version"
mkdir -p "$dest"
cp "$src/values.yaml" "$dest/values.yaml"
if [ -f "$src/values.schema.json" ]; then cp "$src/values.schema.json" "$dest/values.schema.json"; else rm -f "$dest/values.schema.json"; fi
app_version="$(sed -n 's/^appVersion: *//p' "$src/Chart.yaml" | tr -d '"')"
{
  echo "repo: ${repo_url:-$ref}"
  echo "path: $chart-$version.tgz: values.yaml$( [ -f "$src/values.schema.json" ] && echo ', values.schema.json')"
  echo "commit: n/a (packaged chart, fetched $(date -u +%Y-%m-%d) with helm pull)"
  echo "chart: $chart $version (app $app_version)"
} > "$dest/SOURCE"
node scripts/compile-vendored-charts.js >/dev/null
echo "wrote $dest ($(ls "$dest" | tr '\n' ' '))"
