import { AllSubscription, EventStore } from '@parley/event-store';
import { FanOutHub } from './fan-out-hub';

/**
 * The process's one subscription to `$all`, from the head at the time it starts, publishing
 * every event to a hub. It starts with the first subscriber. If it fails, the hub is closed
 * (its subscribers reconnect and catch up from the store) and the next subscriber starts a
 * new one.
 */
export class LiveTail {
  private current?: Promise<FanOutHub>;
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  hub(): Promise<FanOutHub> {
    if (this.stopped) return Promise.reject(new Error('The live tail has stopped'));
    return (this.current ??= this.start());
  }

  /** Ends the subscription and closes the hub; waits for the publishing loop to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.unsubscribe();
    await this.following;
  }

  private async start(): Promise<FanOutHub> {
    let head: bigint;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      this.current = undefined;
      throw error;
    }
    const hub = new FanOutHub(head);
    const subscription = this.store.subscribeToAll({ fromPosition: head });
    this.subscription = subscription;
    this.following = this.follow(subscription, hub);
    return hub;
  }

  private async follow(subscription: AllSubscription, hub: FanOutHub): Promise<void> {
    try {
      for await (const event of subscription) hub.publish(event);
    } catch (error) {
      this.onFailure(error);
    } finally {
      if (this.subscription === subscription) {
        this.subscription = undefined;
        this.current = undefined;
      }
      hub.close();
    }
  }
}
