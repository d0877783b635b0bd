export * from "./SecretProviderClass";
