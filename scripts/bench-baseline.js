// The benchmark's baseline: the openai SDK alone, each delta written to stdout.
import OpenAI from 'openai';

const client = new OpenAI({apiKey: process.env.BENCH_KEY, baseURL: process.env.BENCH_BASE_URL, maxRetries: 0});
const stream = await client.chat.completions.create({
	model: 'qwen3-coder-plus',
	messages: [{role: 'user', content: 'bench'}],
	stream: true,
	stream_options: {include_usage: true},
});
for await (const chunk of stream) {
	const text = chunk.choices[0]?.delta?.content;
	if (text) process.stdout.write(text);
}
