import {describe, expect, it} from 'vitest';
import type {ImageAttachment} from '../../../../source/core/images.js';
import {initialPaneState, paneReducer, type PaneAction, type PaneState} from '../../../../source/ui/chat/pane/pane-state.js';

const image = (path: string): ImageAttachment => ({path, mime: 'image/png', bytes: 10, dataUrl: 'data:image/png;base64,'});
const run = (state: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, state);

describe('paneReducer', () => {
	it('asks about images from the command line on a text-only model, and not on a vision model', () => {
		const cat = image('cat.png');
		expect(initialPaneState('qwen3-coder-plus', [cat], 'qwen3-vl-plus').overlay).toEqual({kind: 'vision', image: cat, visionModel: 'qwen3-vl-plus'});
		expect(initialPaneState('qwen3-vl-plus', [cat], 'qwen3-vl-plus').overlay).toBeUndefined();
	});

	it('two Ctrl+C within a second leave, even when both arrive before a render', () => {
		const start = initialPaneState('qwen-plus', [], 'qwen3-vl-plus');
		const twice = run(start, {type: 'ctrl-c', at: 1000, stoppedAnswer: false}, {type: 'ctrl-c', at: 1500, stoppedAnswer: false});
		expect(twice.leaving).toBe(true);
		const slow = run(start, {type: 'ctrl-c', at: 1000, stoppedAnswer: false}, {type: 'ctrl-c', at: 2500, stoppedAnswer: false});
		expect(slow).toMatchObject({leaving: false, exitArmedAt: 2500});
	});

	it('a Ctrl+C that stopped an answer keeps the picker open; one that stopped nothing closes it', () => {
		const picking = run(initialPaneState('qwen-plus', [], 'qwen3-vl-plus'), {type: 'picker-opened'});
		expect(run(picking, {type: 'ctrl-c', at: 0, stoppedAnswer: true}).overlay).toEqual({kind: 'picker'});
		expect(run(picking, {type: 'ctrl-c', at: 0, stoppedAnswer: false}).overlay).toBeUndefined();
	});

	it('the "press again" hint expires only for the press that armed it', () => {
		const armed = run(initialPaneState('qwen-plus', [], 'qwen3-vl-plus'), {type: 'ctrl-c', at: 1000, stoppedAnswer: false});
		expect(run(armed, {type: 'exit-expired', armedAt: 900}).exitArmedAt).toBe(1000);
		expect(run(armed, {type: 'exit-expired', armedAt: 1000}).exitArmedAt).toBeUndefined();
	});

	it('sending takes the images that went along, and keeps one attached since', () => {
		const [first, second] = [image('a.png'), image('b.png')];
		const state = run(
			initialPaneState('qwen3-vl-plus', [], 'qwen3-vl-plus'),
			{type: 'image-attached', image: first},
			{type: 'image-attached', image: second},
			{type: 'images-sent', images: [first]},
		);
		expect(state.images).toEqual([second]);
	});

	it("the region's model list fills the picker only while it is open", () => {
		const start = initialPaneState('qwen-plus', [], 'qwen3-vl-plus');
		const listed = run(start, {type: 'picker-opened'}, {type: 'picker-listed', regionModelIds: ['qwen-plus']});
		expect(listed.overlay).toEqual({kind: 'picker', regionModelIds: ['qwen-plus']});
		expect(run(start, {type: 'picker-opened'}, {type: 'overlay-closed'}, {type: 'picker-listed', regionModelIds: ['x']}).overlay).toBeUndefined();
	});
});
