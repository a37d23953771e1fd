/**
 * The workbench of one open workspace: the composition root. It wires the services by hand
 * (services/createServices.ts), hands them to every view and command, installs the keyboard
 * shortcuts and the desktop menu's commands, and lays out activity bar, side bar, editor groups,
 * panel and status bar. Each part subscribes to what it reads; the shell itself only to the layout.
 */
import { useEffect, useState } from 'react';
import { runCommand, setCommandContextProvider } from '../platform/commands';
import { installKeybindings } from '../platform/keybindings';
import { Welcome } from '../contrib/firstRun/Welcome';
import { ActivityBar } from './ActivityBar';
import { EditorArea } from './EditorArea';
import { PANEL_MAX, PANEL_MIN, SIDEBAR_MAX, SIDEBAR_MIN } from './layoutState';
import { Panel } from './Panel';
import { QuickInputHost } from './QuickInput';
import { Sash } from './Sash';
import { createServices, type WorkbenchBoot } from './services/createServices';
import { type NotificationService } from './services/notificationService';
import { ServicesContext, useComputed, useValue } from './services/services';
import { SideBar } from './SideBar';
import { StatusBar } from './StatusBar';
import { useAppliedTheme } from './theme';

export type ShellProps = WorkbenchBoot & { notifications: NotificationService };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function Shell({ notifications, ...boot }: ShellProps) {
  // Created once: the shell is remounted when the workspace, the sync target or the user changes.
  const [{ services, dispose }] = useState(() => createServices(boot, notifications));
  const { layout, model, events } = services;
  useEffect(() => dispose, [dispose]);

  useEffect(() => {
    const report = (err: unknown) => notifications.notify(errorText(err), 'error');
    setCommandContextProvider(() => services);
    const uninstall = installKeybindings(window, report);
    const offRun = events.on('command.run', ({ commandId }) => runCommand(commandId).catch(report));
    return () => {
      offRun();
      uninstall();
      setCommandContextProvider(null);
    };
  }, [services, events, notifications]);

  const theme = useAppliedTheme(useValue(model.settings).theme);
  const shown = useComputed([layout.state], (l) => ({ sidebar: l.sidebarVisible, panel: l.panelVisible, width: l.sidebarWidth, height: l.panelHeight }), [],
    (a, b) => a.sidebar === b.sidebar && a.panel === b.panel && a.width === b.width && a.height === b.height);
  const run = (id: string) => runCommand(id).catch((err: unknown) => notifications.notify(errorText(err), 'error'));

  return (
    <ServicesContext.Provider value={services}>
      <div className="tandem-workbench" data-theme-name={theme}>
        <div className="tandem-main">
          <ActivityBar onManage={() => run('workbench.manage')} />
          {shown.sidebar && (
            <>
              <SideBar />
              <Sash orientation="vertical" label="Resize Side Bar" value={shown.width} min={SIDEBAR_MIN} max={SIDEBAR_MAX} onResize={(w) => layout.resizeSideBar(w)} />
            </>
          )}
          <main className="tandem-center" aria-label="Editor area">
            <EditorArea empty={<Welcome />} />
            {shown.panel && (
              <>
                <Sash orientation="horizontal" label="Resize Panel" value={shown.height} min={PANEL_MIN} max={PANEL_MAX} invert onResize={(h) => layout.resizePanel(h)} />
                <Panel />
              </>
            )}
          </main>
        </div>
        <StatusBar />
        <QuickInputHost />
      </div>
    </ServicesContext.Provider>
  );
}
