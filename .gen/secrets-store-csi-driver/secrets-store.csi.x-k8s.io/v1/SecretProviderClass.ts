import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/SecretsStoreCsiXK8sIoV1SecretProviderClass";

/**
 * SecretProviderClass is the Schema for the secretproviderclasses API
 */
export interface ISecretProviderClass {
  /**
   * APIVersion defines the versioned schema of this representation of an object.
   * Servers should convert recognized schemas to the latest internal value, and
   * may reject unrecognized values.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources
   */
  "apiVersion": "secrets-store.csi.x-k8s.io/v1";
  /**
   * Kind is a string value representing the REST resource this object represents.
   * Servers may infer this from the endpoint the client submits requests to.
   * Cannot be updated.
   * In CamelCase.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds
   */
  "kind": "SecretProviderClass";
  "metadata"?: IObjectMeta;
  /**
   * SecretProviderClassSpec defines the desired state of SecretProviderClass
   */
  "spec"?: {
    /**
     * Configuration for specific provider
     */
    "parameters"?: {
      [key: string]: string;
    };
    /**
     * Configuration for provider name
     */
    "provider"?: string;
    "secretObjects"?: Array<{
      /**
       * annotations of k8s secret object
       */
      "annotations"?: {
        [key: string]: string;
      };
      "data"?: Array<{
        /**
         * data field to populate
         */
        "key"?: string;
        /**
         * name of the object to sync
         */
        "objectName"?: string;
      }>;
      /**
       * labels of K8s secret object
       */
      "labels"?: {
        [key: string]: string;
      };
      /**
       * name of the K8s secret object
       */
      "secretName"?: string;
      /**
       * type of K8s secret object
       */
      "type"?: string;
    }>;
  };
  /**
   * SecretProviderClassStatus defines the observed state of SecretProviderClass
   */
  "status"?: {
  };
}

/**
 * SecretProviderClass is the Schema for the secretproviderclasses API
 */
export class SecretProviderClass extends Model<ISecretProviderClass> implements ISecretProviderClass {
  "apiVersion": ISecretProviderClass["apiVersion"];
  "kind": ISecretProviderClass["kind"];
  "metadata"?: ISecretProviderClass["metadata"];
  "spec"?: ISecretProviderClass["spec"];
  "status"?: ISecretProviderClass["status"];

static apiVersion: ISecretProviderClass["apiVersion"] = "secrets-store.csi.x-k8s.io/v1";
static kind: ISecretProviderClass["kind"] = "SecretProviderClass";
static is = createTypeMetaGuard<ISecretProviderClass>(SecretProviderClass);

constructor(data?: ModelData<ISecretProviderClass>) {
  super();

  this.setDefinedProps({
    apiVersion: SecretProviderClass.apiVersion,
    kind: SecretProviderClass.kind,
    ...data
  } as ISecretProviderClass);
}
}


setValidateFunc(SecretProviderClass, validate as ValidateFunc<ISecretProviderClass>);
