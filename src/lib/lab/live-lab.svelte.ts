import { onMount } from 'svelte';
import { parseBackendName, type BackendName } from '$lib/engine/backend-info';
import type { Progress } from '$lib/engine/session';
import { speedLevels } from '$lib/engine/session';
import { LiveModelClient } from '$lib/training/live-model-client.svelte';
import { keepSettingsInUrl } from '$lib/training/url-state.svelte';
import {
	ComputeClient,
	type RequestMap,
	type WorkerClient
} from '$lib/training/worker-client.svelte';

/**
 * How a lab's settings travel in its URL: what a lesson's settings.ts exports, passed whole
 * (`import * as settings from './settings'`).
 */
export interface SettingsModule<Settings> {
	defaultSettings: Settings;
	parseSettings(query: URLSearchParams): Settings;
	settingsToQuery(settings: Settings): string;
}

/** A lab's reactive state: its settings (bindable) and, once mounted, its worker's client. */
export class LabState<Settings, Client extends WorkerClient> {
	settings: Settings = $state() as Settings;
	client: Client | null = $state.raw(null);

	constructor(settings: Settings) {
		this.settings = settings;
	}

	/** Ready and not training: a request (a check, an export) may run without racing a step. */
	get idle(): boolean {
		const client = this.client;
		return !!client?.ready && !(client instanceof LiveModelClient && client.running);
	}
}

/**
 * The life of any lab, called during component set-up: settings from the URL on mount, the worker
 * and its client created then, the settings kept in the URL while the lab lives, the worker ended
 * when the reader leaves.
 */
export function useLab<Settings, Client extends WorkerClient>(
	codec: SettingsModule<Settings>,
	connect: (settings: Settings, backend: BackendName | null) => Client
): LabState<Settings, Client> {
	const lab = new LabState<Settings, Client>(structuredClone(codec.defaultSettings));
	onMount(() => {
		// Read once, on arrival; the URL follows the settings from then on, not the other way round.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const query = new URLSearchParams(location.search);
		lab.settings = codec.parseSettings(query);
		const client = connect(lab.settings, parseBackendName(query.get('backend')));
		lab.client = client;
		return () => client.dispose();
	});
	keepSettingsInUrl(() => (lab.client ? codec.settingsToQuery(lab.settings) : null));
	return lab;
}

/** A lab whose worker answers requests (hostCompute): a convolution, a detector. */
export function useComputeLab<Settings, Requests extends RequestMap>(
	codec: SettingsModule<Settings>,
	worker: () => Worker
): LabState<Settings, ComputeClient<Requests>> {
	return useLab(codec, (_, backend) => new ComputeClient<Requests>(worker(), backend));
}

export interface LiveLabOptions<Settings, Config, Data, Snapshot, Client> {
	/** The lesson's settings module (see SettingsModule). */
	settings: SettingsModule<Settings>;
	/** `new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`, in the lesson. */
	worker: () => Worker;
	/** What the model trains with; sent again whenever the settings it reads change. */
	config(settings: Settings): Config;
	/** The data the worker starts with (later changes are the lab's: `client.setData`). */
	data(settings: Settings): Data;
	/** Every report, in order: what charts append to. */
	onProgress?(progress: Progress, snapshot: Snapshot, client: Client): void;
}

/**
 * A lab that trains a live model (hostLiveModel). Besides the lab's life it keeps the worker's
 * config and speed in step with the settings; `settings.speed` is the controls' 1-based level.
 */
export function useLiveLab<
	Settings extends { speed: number },
	Config,
	Data,
	Snapshot,
	Detail = never,
	Requests extends RequestMap = RequestMap
>(
	options: LiveLabOptions<
		Settings,
		Config,
		Data,
		Snapshot,
		LiveModelClient<Config, Data, Snapshot, Detail, Requests>
	>
): LabState<Settings, LiveModelClient<Config, Data, Snapshot, Detail, Requests>> {
	type Client = LiveModelClient<Config, Data, Snapshot, Detail, Requests>;
	const lab = useLab<Settings, Client>(options.settings, (settings, backend) => {
		const client: Client = new LiveModelClient(options.worker(), {
			config: options.config(settings),
			data: options.data(settings),
			backend,
			stepsPerSecond: speedLevels[settings.speed - 1]
		});
		const onProgress = options.onProgress;
		if (onProgress)
			client.onProgress((progress, snapshot) => onProgress(progress, snapshot, client));
		return client;
	});
	$effect(() => lab.client?.configure(options.config(lab.settings)));
	$effect(() => lab.client?.setSpeed(speedLevels[lab.settings.speed - 1]));
	return lab;
}

/**
 * Tells whether a key (an experiment's data set, an architecture) differs from the one it saw last
 * time; the first key seen is not a change. For effects that start over only on a real change:
 * ask it once the lab has its client, so the settings read from the URL are the first key.
 */
export function changeDetector(): (key: string) => boolean {
	let last: string | null = null;
	return (key) => {
		const changed = last !== null && key !== last;
		last = key;
		return changed;
	};
}
