/**
 * hls.js (light build), bundled on its own: the player script loads it only in a browser that
 * cannot play the MP4 renditions but has Media Source Extensions. Never on reader pages otherwise.
 */
export { default } from 'hls.js/light';
