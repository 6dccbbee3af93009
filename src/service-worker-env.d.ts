// Types of SvelteKit's $service-worker module for the service worker's own type-check.
declare module '$service-worker' {
	export const base: string;
	export const build: string[];
	export const files: string[];
	export const prerendered: string[];
	export const version: string;
}
