export * as v1 from "./v1/index";
export * as v1alpha1 from "./v1alpha1/index";
