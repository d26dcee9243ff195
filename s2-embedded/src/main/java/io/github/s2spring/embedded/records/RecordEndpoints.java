package io.github.s2spring.embedded.records;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import io.github.s2spring.embedded.api.StreamEndpoints;
import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Endpoint;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.protocol.error.ErrorBody;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.AppendRules;
import io.github.s2spring.protocol.limits.Command;
import io.github.s2spring.protocol.limits.CommandRecords;
import io.github.s2spring.protocol.limits.Names;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * The record routes: check tail, read (unary JSON or protobuf, SSE, or an S2S session)
 * and append (unary JSON or protobuf, or an S2S session).
 */
public final class RecordEndpoints {

	static final String PROTOBUF = "application/protobuf";

	private final Store store;

	/**
	 * Creates the endpoints.
	 * @param store the store
	 */
	public RecordEndpoints(Store store) {
		this.store = store;
	}

	/**
	 * Adds the routes.
	 * @param router the router
	 */
	public void register(Router router) {
		router.add(HttpMethod.GET, "/v1/streams/{stream}/records/tail", Operation.CHECK_TAIL, this::checkTail)
			.add(HttpMethod.GET, "/v1/streams/{stream}/records", Operation.READ, this::read)
			.add(HttpMethod.POST, "/v1/streams/{stream}/records", Operation.APPEND, new Endpoint() {
				@Override
				public void handle(Call call) {
					append(call);
				}

				@Override
				public boolean streamsRequestBody(Call call) {
					return isSession(call);
				}
			});
	}

	private static boolean isSession(Call call) {
		String contentType = mediaType(call.header(HttpHeaderNames.CONTENT_TYPE));
		return "s2s/proto".equals(contentType);
	}

	static @Nullable String mediaType(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String first = header.split(",", 2)[0];
		int semicolon = first.indexOf(';');
		return ((semicolon >= 0) ? first.substring(0, semicolon) : first).trim().toLowerCase(Locale.ROOT);
	}

	private static boolean isProtobuf(@Nullable String mediaType) {
		return PROTOBUF.equals(mediaType) || "application/x-protobuf".equals(mediaType);
	}

	private Stream stream(Call call, boolean forAppend) {
		String name;
		try {
			name = Names.requireStreamName(call.param("stream"));
		}
		catch (ValidationException ex) {
			throw ApiException.of(ErrorCode.BAD_PATH, ex.getMessage());
		}
		return StreamEndpoints.basin(this.store, call).streamOrCreate(name, forAppend, requestedConfig(call));
	}

	private static StreamSpec requestedConfig(Call call) {
		String header = call.header("s2-stream-config");
		if (header == null || header.isBlank()) {
			return StreamSpec.EMPTY;
		}
		try {
			return ConfigJson.readStream(Json.parse(header.getBytes(StandardCharsets.UTF_8)));
		}
		catch (ApiException ex) {
			throw ApiException.of(ErrorCode.BAD_HEADER,
					"Invalid header `s2-stream-config`: " + ((ErrorBody.Info) ex.body()).message());
		}
	}

	private void checkTail(Call call) {
		call.respondJson(200, RecordJson.tail(stream(call, false).tail()));
	}

	private void read(Call call) {
		boolean session = isSession(call);
		String accept = mediaType(call.header(HttpHeaderNames.ACCEPT));
		boolean sse = !session && "text/event-stream".equals(accept);
		RecordFormat format = RecordFormat.of(call.header("s2-format"));
		ReadRequest request = ReadRequest.parse(call.query());
		Stream stream = stream(call, false);
		if (!session && !sse) {
			new UnaryRead(call, stream, request, isProtobuf(accept), format).start();
			return;
		}
		long resumedCount = 0;
		long resumedBytes = 0;
		String lastEventId = call.header("last-event-id");
		if (sse && lastEventId != null) {
			long[] id = parseEventId(lastEventId);
			request = request.resumeAfter(id[0], id[1], id[2]);
			resumedCount = id[1];
			resumedBytes = id[2];
		}
		long start = request.start(stream, ReadSession.mayFollow(request));
		ReadSink sink = session ? new S2sReadSink(call) : new SseReadSink(call, format, resumedCount, resumedBytes);
		new ReadSession(call, stream, sink, request, start).start();
	}

	private static long[] parseEventId(String value) {
		String[] parts = value.trim().split(",");
		if (parts.length != 3) {
			throw ApiException.of(ErrorCode.BAD_HEADER,
					"Invalid header `last-event-id`: expected seq_num,count,bytes, got \"" + value + "\"");
		}
		long[] id = new long[3];
		try {
			for (int i = 0; i < 3; i++) {
				id[i] = Long.parseLong(parts[i].trim());
				if (id[i] < 0) {
					throw new NumberFormatException(parts[i]);
				}
			}
		}
		catch (NumberFormatException ex) {
			throw ApiException.of(ErrorCode.BAD_HEADER,
					"Invalid header `last-event-id`: expected seq_num,count,bytes, got \"" + value + "\"");
		}
		return id;
	}

	private void append(Call call) {
		if (isSession(call)) {
			if (call.context().draining()) {
				throw ApiException.of(ErrorCode.SERVER_DRAINING, "Server is shutting down; reconnect");
			}
			new AppendSession(call, stream(call, true)).start();
			return;
		}
		String contentType = mediaType(call.header(HttpHeaderNames.CONTENT_TYPE));
		boolean protobufResponse = isProtobuf(mediaType(call.header(HttpHeaderNames.ACCEPT)));
		AppendInput input;
		if (isProtobuf(contentType)) {
			try {
				input = AppendInput.parseFrom(call.body());
			}
			catch (InvalidProtocolBufferException ex) {
				throw ApiException.of(ErrorCode.BAD_PROTO, "Invalid protobuf body: " + ex.getMessage());
			}
		}
		else {
			if (contentType == null || !(contentType.equals("application/json")
					|| (contentType.startsWith("application/") && contentType.endsWith("+json")))) {
				throw ApiException.of(ErrorCode.BAD_JSON,
						"Expected request with `Content-Type: application/json`, got " + contentType);
			}
			RecordFormat format = RecordFormat.of(call.header("s2-format"));
			input = RecordJson.readAppendInput(Json.parse(call.body()), format);
		}
		AppendRules.validate(input);
		authorizeCommands(call, input);
		Stream stream = stream(call, true);
		stream.append(input).whenComplete((ack, error) -> {
			if (error != null) {
				call.fail(error);
			}
			else {
				respondAck(call, ack, protobufResponse);
			}
		});
	}

	/**
	 * Checks the fence and trim operations of a batch's command records (the append
	 * itself was checked with the route).
	 * @param call the request
	 * @param input the batch
	 */
	static void authorizeCommands(Call call, AppendInput input) {
		boolean fence = false;
		boolean trim = false;
		for (AppendRecord record : input.getRecordsList()) {
			Optional<Command> command = CommandRecords.parse(record.getHeadersList(), record.getBody());
			fence |= command.isPresent() && command.get() instanceof Command.Fence;
			trim |= command.isPresent() && command.get() instanceof Command.Trim;
		}
		if (fence) {
			call.context().authorize(call, Operation.FENCE);
		}
		if (trim) {
			call.context().authorize(call, Operation.TRIM);
		}
	}

	private static void respondAck(Call call, AppendAck ack, boolean protobuf) {
		if (protobuf) {
			call.respond(200, PROTOBUF, ack.toByteArray());
		}
		else {
			call.respondJson(200, RecordJson.ack(ack));
		}
	}

}
