/**
 * A question about the vectors (a word's neighbours, an analogy, a similarity): asked when the
 * reader submits its words, then again whenever `version` changes (every report), so the answer
 * follows the vectors as they learn. One question is in flight at a time. Create it during
 * component set-up (it owns an effect).
 */
export class LiveQuery<Answer> {
	words: string[] = $state([]);
	answer: Answer | null = $state.raw(null);
	#asked: string[] | null = null;
	#busy = false;

	constructor(
		initial: string[],
		private readonly ask: (words: string[]) => Promise<Answer>,
		watch: () => { version: number; disabled: boolean }
	) {
		this.words = [...initial];
		$effect(() => {
			const { disabled } = watch();
			if (!disabled) void this.#run();
		});
	}

	submit = (event: SubmitEvent): void => {
		event.preventDefault();
		this.#asked = [...this.words];
		void this.#run();
	};

	async #run(): Promise<void> {
		const asked = this.#asked;
		if (this.#busy || !asked || asked.every((word) => !word.trim())) return;
		this.#busy = true;
		try {
			this.answer = await this.ask(asked);
		} finally {
			this.#busy = false;
		}
	}
}
