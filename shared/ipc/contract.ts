/**
 * The one door between the host (Electron main, or the web host in a plain browser) and the
 * renderer. Every method is declared once here with the zod schema of its single argument; the
 * runtime allow-list, the host's dispatcher and the renderer's typed client are all derived from it.
 * Data crossing the door is plain data; document state crosses only as Yjs update bytes.
 */
import { z } from 'zod';
import { PersonSchema, TeamIdSchema } from '../model/people';
import { PLAN_TITLE_MAX } from '../model/planTitle';
import { parseDocId, ROLES, type Role } from '../sync/rooms';

// ---------- data that crosses the door ----------

/** An open workspace: a folder on the desktop, a server workspace in the browser. */
export type WorkspaceInfo = { id: string; name: string; location: string };
export type PlanSummary = { id: string; title: string; templateId: string; createdAt: string; modifiedAt: string };
export type TemplateSummary = { id: string; name: string; description: string; sections: string[] };
/** Where and as whom the renderer syncs the open workspace; null when it works local-only. */
/** `name` and `role`, when given, are the invite's: the name colleagues see, and what the server lets this person do. */
export type SyncTarget = { serverUrl: string; token: string; workspaceId: string; name?: string; role?: Role };
export type ShareInfo = { serverUrl: string; inviteUrl: string; token: string };
export type Invite = { inviteUrl: string; token: string; name: string; role: Role };
/** What Export PDF did: saved to a file (desktop), handed to the print dialog (browser), or nothing. */
export type PdfExportResult = { outcome: 'saved'; path: string } | { outcome: 'print-dialog' } | { outcome: 'cancelled' };

export const THEMES = ['system', 'light', 'dark'] as const;
const color = PersonSchema.shape.color;
const serverUrl = z.union([z.literal(''), z.string().regex(/^wss?:\/\/[^\s]+$/, 'the server URL starts with ws:// or wss://')]);

export const SettingsSchema = z.object({
  userName: z.string().trim().min(1).max(80),
  userColor: color,
  theme: z.enum(THEMES),
  serverUrl,
  token: z.string().max(4096),
  recentWorkspaces: z.array(z.string()).max(10),
  editor: z.object({
    fontSize: z.number().int().min(10).max(28),
    spellcheck: z.boolean(),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.omit({ editor: true }).partial().extend({
  editor: SettingsSchema.shape.editor.partial().optional(),
}).strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  userName: 'Me',
  userColor: '#3b82f6',
  theme: 'system',
  serverUrl: '',
  token: '',
  recentWorkspaces: [],
  editor: { fontSize: 15, spellcheck: true },
};

// ---------- argument schemas ----------

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1–64 letters, digits, _ or -');
/** A plan id, `workspace`, or `<planId>/<kind>` for a document beside a plan (shared/sync/rooms.ts). */
const docId = z.string().max(200).refine((d) => parseDocId(d) !== null, 'a document id is a plan id, "workspace", or <planId>/<kind> of a document beside a plan');
const none = z.undefined();
const title = z.string().trim().min(1, 'a title cannot be empty').max(PLAN_TITLE_MAX);
const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= 64 * 1024 * 1024, 'updates are at most 64 MiB');

export const CreatePlanArgs = z.object({
  templateId: id,
  title,
  /** Cascade: the new plan's top goals support this goal of another plan, and belong to `team` when given. */
  parent: z.object({ planId: id, goalId: id, team: TeamIdSchema.optional() }).optional(),
}).strict();

/** Next cycle: a new plan made from `planId` for the period after it (shared/model/nextCycle.ts). */
/** Who an invite is for (the name colleagues will see) and what they may do. */
export const InviteArgs = z.object({
  name: z.string().trim().min(1, 'an invite names the person it is for').max(80),
  role: z.enum(ROLES),
}).strict();

export const StartNextCycleArgs = z.object({
  planId: id,
  title,
  period: z.string().trim().min(1, 'a period cannot be empty').max(100),
}).strict();

export const ExportPdfArgs = z.object({
  html: z.string().min(1).max(16 * 1024 * 1024, 'the print view is at most 16 MiB'),
  fileName: z.string().trim().min(1).max(200).regex(/^[^/\\]+$/, 'a file name, not a path'),
}).strict();

/** Declares a method: its argument schema and (as a phantom type) its result. */
const method = <A extends z.ZodType, R>(args: A) => ({ args, result: null as unknown as R });

export const HOST_CONTRACT = {
  workspace: {
    current: method<typeof none, WorkspaceInfo | null>(none),
    /** Desktop: the Open Folder dialog; browser: the default workspace. Null when cancelled. */
    openFolder: method<typeof none, WorkspaceInfo | null>(none),
    openRecent: method<z.ZodObject<{ location: z.ZodString }>, WorkspaceInfo>(z.object({ location: z.string().min(1).max(4096) }).strict()),
    recent: method<typeof none, WorkspaceInfo[]>(none),
    listPlans: method<typeof none, PlanSummary[]>(none),
    createPlan: method<typeof CreatePlanArgs, PlanSummary>(CreatePlanArgs),
    renamePlan: method<z.ZodObject<{ planId: typeof id; title: typeof title }>, PlanSummary>(z.object({ planId: id, title }).strict()),
    duplicatePlan: method<z.ZodObject<{ planId: typeof id }>, PlanSummary>(z.object({ planId: id }).strict()),
    /** Next period's plan from this one: goals continue theirs, actuals and done actions reset. */
    startNextCycle: method<typeof StartNextCycleArgs, PlanSummary>(StartNextCycleArgs),
    deletePlan: method<z.ZodObject<{ planId: typeof id }>, void>(z.object({ planId: id }).strict()),
  },
  templates: {
    list: method<typeof none, TemplateSummary[]>(none),
  },
  documents: {
    /**
     * The whole local state of a document (a plan, the workspace doc, or a document beside a plan:
     * `<planId>/comments`) as one Yjs update. A document beside a plan the workspace does not hold is refused.
     */
    load: method<z.ZodObject<{ docId: typeof docId }>, Uint8Array>(z.object({ docId }).strict()),
    /** Resolves once the update is durable on this machine: only then is it "saved". */
    save: method<z.ZodObject<{ docId: typeof docId; update: typeof bytes }>, void>(z.object({ docId, update: bytes }).strict()),
  },
  settings: {
    get: method<typeof none, Settings>(none),
    update: method<typeof SettingsPatchSchema, Settings>(SettingsPatchSchema),
  },
  sync: {
    target: method<typeof none, SyncTarget | null>(none),
    /** Starts the embedded sync server for this workspace on the given address. */
    share: method<z.ZodObject<{ host: z.ZodString; port: z.ZodOptional<z.ZodNumber> }>, ShareInfo>(
      z.object({ host: z.string().min(1).max(255), port: z.number().int().min(0).max(65535).optional() }).strict()),
    stopSharing: method<typeof none, void>(none),
    /**
     * An invite to the workspace shared from here for one person: colleagues see the name on it, and
     * the server lets them do what the role allows. Refused while the workspace is not shared.
     */
    invite: method<typeof InviteArgs, Invite>(InviteArgs),
  },
  publish: {
    /** The plan's print view (a self-contained HTML page) as a PDF: saved where the person chooses, or printed. */
    exportPdf: method<typeof ExportPdfArgs, PdfExportResult>(ExportPdfArgs),
  },
  shell: {
    openExternal: method<z.ZodObject<{ url: z.ZodString }>, void>(z.object({ url: z.string().regex(/^https?:\/\//, 'only http(s) links open outside Tandem') }).strict()),
  },
} as const;

type Contract = typeof HOST_CONTRACT;
export type ServiceName = keyof Contract;
export type MethodArg<S extends ServiceName, M extends keyof Contract[S]> =
  Contract[S][M] extends { args: infer A extends z.ZodType } ? z.input<A> : never;
export type MethodResult<S extends ServiceName, M extends keyof Contract[S]> =
  Contract[S][M] extends { result: infer R } ? R : never;

/** The host services as TypeScript interfaces: a host implementation that does not satisfy them fails to compile. */
export type HostServices = {
  [S in ServiceName]: {
    [M in keyof Contract[S]]: (arg: MethodArg<S, M>) => Promise<MethodResult<S, M>>;
  };
};

/** The runtime allow-list: every method the host serves, and nothing else. */
export const METHOD_IDS: ReadonlySet<string> = new Set(
  Object.entries(HOST_CONTRACT).flatMap(([s, methods]) => Object.keys(methods).map((m) => `${s}.${m}`)),
);

export function argsSchemaOf(methodId: string): z.ZodType | null {
  if (!METHOD_IDS.has(methodId)) return null;
  const [s, m] = methodId.split('.') as [string, string];
  return (HOST_CONTRACT as unknown as Record<string, Record<string, { args: z.ZodType }>>)[s]![m]!.args;
}

// ---------- events the host sends ----------

export type HostEvents = {
  'settings.changed': Settings;
  'workspace.changed': WorkspaceInfo | null;
  'plans.changed': PlanSummary[];
  /** A document changed outside this window (another program rewrote its file): merge these bytes. */
  'document.external': { docId: string; update: Uint8Array };
  /** The native application menu asks the renderer to run a command. */
  'command.run': { commandId: string };
  'sync.sharing': ShareInfo | null;
};
export type HostEventName = keyof HostEvents;
export const EVENT_NAMES: ReadonlySet<string> = new Set<HostEventName>([
  'settings.changed', 'workspace.changed', 'plans.changed', 'document.external', 'command.run', 'sync.sharing',
]);

/** What the preload (or the web host) exposes as `window.host`: nothing but these two functions. */
export interface HostBridge {
  invoke(methodId: string, arg?: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The single IPC channel the bridge uses; the method id travels inside. */
export const IPC_INVOKE_CHANNEL = 'tandem:invoke';
export const IPC_EVENT_CHANNEL = 'tandem:event';

/** An error that crossed the door: a stable code and a message a person can read. */
export type HostErrorPayload = { code: 'unknown-method' | 'invalid-argument' | 'forbidden' | 'failed'; message: string };
