import { Notification } from 'electron';
import type { Notice } from './notify-policy';

/**
 * Native notifications. Each shown notification is kept referenced until it is closed or clicked:
 * otherwise it can be garbage-collected and its click handler lost (notably on Windows).
 */
export class Notifier {
  readonly #live = new Set<Notification>();

  /** `onClick` gets the screen to open, or null for a notice that only brings the window back. */
  constructor(private readonly onClick: (target: Notice['target'] | null) => void) {}

  show(notice: Pick<Notice, 'title' | 'body'> & { target?: Notice['target'] }): void {
    if (!Notification.isSupported()) return;
    const n = new Notification({ title: notice.title, body: notice.body, silent: false });
    this.#live.add(n);
    const forget = () => this.#live.delete(n);
    n.on('click', () => {
      forget();
      this.onClick(notice.target ?? null);
    });
    n.on('close', forget);
    n.on('failed', forget);
    n.show();
  }
}
