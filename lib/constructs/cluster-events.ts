import { Construct } from 'constructs';
import { EventgridSystemTopic } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic';
import { EventgridSystemTopicEventSubscription } from '@cdktf/provider-azurerm/lib/eventgrid-system-topic-event-subscription';

export interface ClusterEventsProps {
  /** The cluster's name: the topic is `evgt-<cluster>`. */
  readonly clusterName: string;
  /** The cluster's resource ID (the topic's source). */
  readonly clusterId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Webhook receiving the events (https, no credentials in it: it is stored in state and output). */
  readonly webhookUrl: string;
  /** Event types delivered. @default every type the cluster emits */
  readonly eventTypes?: readonly string[];
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The cluster's Event Grid system topic (`Microsoft.ContainerService.ManagedClusters`: new Kubernetes versions,
 * support ending, node pool rollouts) and one webhook subscription.
 */
export class ClusterEvents extends Construct {
  readonly topic: EventgridSystemTopic;
  readonly subscription: EventgridSystemTopicEventSubscription;

  constructor(scope: Construct, id: string, props: ClusterEventsProps) {
    super(scope, id);
    if (/^https:\/\/[^/]*@/.test(props.webhookUrl) || !/^https:\/\//.test(props.webhookUrl)) {
      throw new Error('ClusterEvents: webhookUrl must be an https URL without credentials in it');
    }
    this.topic = new EventgridSystemTopic(this, 'topic', {
      name: `evgt-${props.clusterName}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sourceResourceId: props.clusterId,
      topicType: 'Microsoft.ContainerService.ManagedClusters',
      tags: props.tags ?? {},
    });
    this.subscription = new EventgridSystemTopicEventSubscription(this, 'subscription', {
      name: `evgs-${props.clusterName}`,
      resourceGroupName: props.resourceGroupName,
      systemTopic: this.topic.name,
      includedEventTypes: props.eventTypes ? [...props.eventTypes] : undefined,
      webhookEndpoint: { url: props.webhookUrl },
    });
  }
}
