package io.github.s2spring.embedded;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.github.s2spring.embedded.record.RequestRecorder;

/**
 * The command line: {@code java -jar s2-embedded.jar --port 4243}. Prints one line,
 * {@code S2 embedded server listening on <url>}, and serves until the JVM stops.
 */
public final class S2EmbeddedMain {

	static final String USAGE = """
			Usage: java -jar s2-embedded.jar [options]

			An S2-compatible server (the S2 v1 API, HTTP/1.1 and h2c on one port).

			Options:
			  --host HOST         address to bind (default 127.0.0.1)
			  --port PORT         port to listen on, 0 = any free port (default 0)
			  --data-dir DIR      keep data on disk in DIR (default: in memory)
			  --auth              require an access token on every request
			  --root-token TOKEN  the token with every permission (or env S2_ROOT_TOKEN)
			  --tls-self          serve TLS with a self-signed certificate for localhost
			  --tls-cert FILE     serve TLS with this PEM certificate chain (with --tls-key)
			  --tls-key FILE      the PEM private key for --tls-cert
			  --no-cors           do not send CORS headers
			  --init-file FILE    create basins and streams from an s2-lite init file (JSON)
			  --record FILE       write every request received to FILE, one JSON line each
			  --help              show this help
			""";

	private S2EmbeddedMain() {
	}

	/**
	 * Starts the server and waits.
	 * @param args the command-line arguments
	 * @throws InterruptedException if interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		S2EmbeddedServer server;
		try {
			S2EmbeddedServer.Builder builder = parse(args, System.getenv(), System.out);
			if (builder == null) {
				return;
			}
			server = builder.build().start();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			System.err.println("s2-embedded: " + ex.getMessage());
			System.exit(2);
			return;
		}
		System.out.println("S2 embedded server listening on " + server.baseUrl());
		System.out.flush();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "s2-embedded-shutdown"));
		stopped.await();
	}

	/**
	 * Parses the command line.
	 * @param args the arguments
	 * @param env the environment
	 * @param out where {@code --help} prints
	 * @return the builder, or {@code null} if only help was asked for
	 * @throws IllegalArgumentException for unknown flags or bad values
	 */
	static S2EmbeddedServer.Builder parse(String[] args, Map<String, String> env, PrintStream out) {
		S2EmbeddedServer.Builder builder = S2EmbeddedServer.builder();
		builder.rootToken(env.get("S2_ROOT_TOKEN"));
		Path tlsCert = null;
		Path tlsKey = null;
		boolean tlsSelf = false;
		Path record = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--help", "-h" -> {
					out.print(USAGE);
					return null;
				}
				case "--host" -> builder.host(value(args, ++i, arg));
				case "--port" -> builder.port(port(value(args, ++i, arg)));
				case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
				case "--auth" -> builder.auth(true);
				case "--root-token" -> builder.rootToken(value(args, ++i, arg));
				case "--tls-self" -> tlsSelf = true;
				case "--tls-cert" -> tlsCert = Path.of(value(args, ++i, arg));
				case "--tls-key" -> tlsKey = Path.of(value(args, ++i, arg));
				case "--no-cors" -> builder.cors(false);
				case "--init-file" -> builder.initFile(Path.of(value(args, ++i, arg)));
				case "--record" -> record = Path.of(value(args, ++i, arg));
				default -> throw new IllegalArgumentException("Unknown option " + arg + " (see --help)");
			}
		}
		if ((tlsCert == null) != (tlsKey == null)) {
			throw new IllegalArgumentException("--tls-cert and --tls-key go together");
		}
		if (tlsCert != null && tlsSelf) {
			throw new IllegalArgumentException("--tls-self conflicts with --tls-cert/--tls-key");
		}
		if (tlsCert != null) {
			builder.tls(TlsOptions.pem(tlsCert, tlsKey));
		}
		else if (tlsSelf) {
			builder.tls(TlsOptions.selfSigned());
		}
		if (record != null) {
			builder.requestRecorder(recorder(record));
		}
		if (env.get("S2LITE_INIT_FILE") != null && !java.util.Arrays.asList(args).contains("--init-file")) {
			builder.initFile(Path.of(env.get("S2LITE_INIT_FILE")));
		}
		return builder;
	}

	private static RequestRecorder recorder(Path file) {
		try {
			return RequestRecorder.jsonLines(file);
		}
		catch (UncheckedIOException ex) {
			throw new IllegalArgumentException("--record: " + ex.getMessage(), ex);
		}
	}

	private static String value(String[] args, int index, String flag) {
		if (index >= args.length) {
			throw new IllegalArgumentException(flag + " needs a value");
		}
		return args[index];
	}

	private static int port(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port < 0 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port must be 0 to 65535, got " + value);
		}
	}

}
