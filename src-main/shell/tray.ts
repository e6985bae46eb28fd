import { Menu, nativeImage, Tray, type NativeImage } from 'electron';
import { join } from 'node:path';
import type { TrayAction, TrayIconState, TrayModel } from './tray-state';

/**
 * The tray icon: draws a TrayModel (tray-state.ts) and reports menu clicks. macOS gets template
 * images (black + alpha, tinted by the menu bar); Windows and Linux get the coloured ones.
 */
export class AppTray {
  readonly #tray: Tray;
  readonly #icons = new Map<TrayIconState, NativeImage>();
  #last: TrayModel | null = null;

  constructor(
    private readonly iconsDir: string,
    private readonly onAction: (action: TrayAction) => void,
  ) {
    this.#tray = new Tray(this.#icon('idle'));
    this.#tray.setToolTip('Bureau Sync');
    // Windows/Linux: a left click opens the window; the menu is on right click (macOS shows it on click).
    if (process.platform !== 'darwin') this.#tray.on('click', () => this.onAction('open'));
  }

  get model(): TrayModel | null {
    return this.#last;
  }

  update(model: TrayModel): void {
    const prev = this.#last;
    this.#last = model;
    if (prev?.icon !== model.icon) this.#tray.setImage(this.#icon(model.icon));
    if (prev?.tooltip !== model.tooltip) this.#tray.setToolTip(model.tooltip);
    if (JSON.stringify(prev?.menu) !== JSON.stringify(model.menu)) {
      const template: Electron.MenuItemConstructorOptions[] = [];
      model.menu.forEach((group, i) => {
        if (i > 0) template.push({ type: 'separator' });
        for (const item of group)
          template.push({ label: item.label, enabled: item.enabled, click: () => this.onAction(item.action) });
      });
      this.#tray.setContextMenu(Menu.buildFromTemplate(template));
    }
  }

  destroy(): void {
    if (!this.#tray.isDestroyed()) this.#tray.destroy();
  }

  #icon(state: TrayIconState): NativeImage {
    let img = this.#icons.get(state);
    if (!img) {
      // nativeImage picks up the @2x file next to it on high-DPI screens.
      const file = process.platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`;
      img = nativeImage.createFromPath(join(this.iconsDir, file));
      if (process.platform === 'darwin') img.setTemplateImage(true);
      this.#icons.set(state, img);
    }
    return img;
  }
}
