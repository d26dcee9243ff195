// Reads a stream with the official DeserializingReadSession from seq num 0 until the message
// with id "end", printing one summary line per message (duplicates would show as extra lines).
import { serialization } from "@s2-dev/streamstore-patterns";
import { args, deserialize, main, summary, withTimeout } from "./common.mjs";

await main(async () => {
	const { stream } = args();
	const session = await stream.readSession({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
	const messages = new serialization.DeserializingReadSession(session, deserialize);
	const reader = messages.getReader();
	try {
		while (true) {
			const step = await withTimeout(reader.read(), 60_000, "next message");
			if (step.done) throw new Error("read session ended before the end message");
			console.log(summary(step.value));
			if (step.value.id === "end") break;
		}
	} finally {
		await reader.cancel().catch(() => {});
	}
});
