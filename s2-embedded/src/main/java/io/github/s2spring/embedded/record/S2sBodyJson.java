package io.github.s2spring.embedded.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;
import io.github.s2spring.protocol.s2s.S2sFrameException;

/**
 * The JSON form of an S2S request body: one entry per frame with its flag byte as sent
 * (the compression it names, terminal, reconnect advised) and its payload decompressed
 * and decoded as the given message.
 */
final class S2sBodyJson {

	private S2sBodyJson() {
	}

	static ArrayNode frames(byte[] body, @Nullable Parser<? extends Message> parser, String messageName) {
		ArrayNode frames = Json.array();
		int offset = 0;
		while (offset < body.length) {
			if (body.length - offset < S2sFrame.LENGTH_PREFIX_BYTES + 1) {
				frames.addObject().put("partial", base64(Arrays.copyOfRange(body, offset, body.length)));
				break;
			}
			int length = ((body[offset] & 0xFF) << 16) | ((body[offset + 1] & 0xFF) << 8) | (body[offset + 2] & 0xFF);
			int end = offset + S2sFrame.LENGTH_PREFIX_BYTES + length;
			if (length == 0 || end > body.length) {
				frames.addObject().put("partial", base64(Arrays.copyOfRange(body, offset, body.length)));
				break;
			}
			frames.add(frame(Arrays.copyOfRange(body, offset, end), parser, messageName));
			offset = end;
		}
		return frames;
	}

	private static ObjectNode frame(byte[] bytes, @Nullable Parser<? extends Message> parser, String messageName) {
		int flag = bytes[S2sFrame.LENGTH_PREFIX_BYTES] & 0xFF;
		ObjectNode json = Json.object();
		json.put("flag", flag);
		json.put("compression", compression(flag));
		json.put("terminal", (flag & S2sFrame.TERMINAL_FLAG) != 0);
		json.put("reconnect_advised", (flag & S2sFrame.RECONNECT_ADVISED_FLAG) != 0);
		List<S2sFrame> decoded = new ArrayList<>();
		try {
			new S2sFrameDecoder().decode(Unpooled.wrappedBuffer(bytes), decoded::add);
		}
		catch (S2sFrameException ex) {
			json.put("error", ex.getMessage());
			return json;
		}
		S2sFrame frame = decoded.get(0);
		if (frame instanceof S2sFrame.Terminal terminal) {
			json.put("status", terminal.status());
			json.put("text", terminal.body());
		}
		else if (frame instanceof S2sFrame.Regular regular) {
			RequestJson.putMessage(json, regular.payload(), parser, messageName);
		}
		return json;
	}

	private static String compression(int flag) {
		return switch (flag & 0x60) {
			case 0x20 -> "zstd";
			case 0x40 -> "gzip";
			case 0x60 -> "unknown";
			default -> "none";
		};
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
