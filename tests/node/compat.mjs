// The openai node SDK against a running beliefloop: chat (plain, streamed) and the Responses API
// (plain, streamed), as user "node-user". Prints one JSON object with what came back;
// tests/test_compat_matrix.py starts the servers, runs this with node, and checks the result.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: process.argv[2], apiKey: "sk-node-client", maxRetries: 0 });
const user = "node-user";
// A new question each time: asking the same again would be a regeneration (a rejection).
let asked = 0;
const question = () => `Explain TCP (node ${asked++})`;
const messages = () => [{ role: "user", content: question() }];

const { data: chat, response } = await client.chat.completions
  .create({ model: "gpt-test", messages: messages(), user })
  .withResponse();

let streamed = "";
for await (const chunk of await client.chat.completions.create({ model: "gpt-test", messages: messages(), user, stream: true })) {
  streamed += chunk.choices[0]?.delta?.content ?? "";
}

const reply = await client.responses.create({ model: "gpt-test", input: question(), user });
const events = [];
for await (const event of await client.responses.create({ model: "gpt-test", input: question(), user, stream: true })) {
  events.push(event.type);
}

console.log(JSON.stringify({
  chat: chat.choices[0].message.content,
  applied: response.headers.get("x-beliefloop-applied"),
  streamed,
  responses: reply.output_text,
  events,
}));
