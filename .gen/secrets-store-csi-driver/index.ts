export * as secretsStoreCsiXK8sIo from "./secrets-store.csi.x-k8s.io/index";
