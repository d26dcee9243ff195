package io.github.s2spring.embedded.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Each fault of the proxy on a real connection to an echo server.
 */
class FaultProxyTests {

	private ServerSocket echo;

	private FaultProxy proxy;

	@BeforeEach
	void start() throws IOException {
		this.echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.echo.isClosed()) {
				try {
					Socket socket = this.echo.accept();
					Thread pump = new Thread(() -> echo(socket));
					pump.setDaemon(true);
					pump.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		this.proxy = new FaultProxy(this.echo.getLocalPort());
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.close();
		this.echo.close();
	}

	@Test
	void forwardsBothWaysAndCountsConnections() throws IOException {
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
			assertThat(this.proxy.openConnections()).isEqualTo(1);
			assertThat(this.proxy.acceptedConnections()).isEqualTo(1);
			assertThat(this.proxy.baseUrl()).startsWith("http://127.0.0.1:");
		}
		await().until(() -> this.proxy.openConnections() == 0);
	}

	@Test
	void resetBreaksOpenConnectionsAndNewOnesWork() throws IOException {
		try (Socket socket = connect()) {
			roundTrip(socket, "before");
			this.proxy.reset();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				for (int i = 0; i < 100; i++) {
					roundTrip(socket, "after");
				}
			});
		}
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "again")).isEqualTo("again");
			assertThat(this.proxy.acceptedConnections()).isEqualTo(2);
		}
	}

	@Test
	void blackholeDropsBytesButKeepsTheConnection() throws IOException {
		try (Socket socket = connect()) {
			roundTrip(socket, "x");
			this.proxy.blackhole();
			socket.setSoTimeout(300);
			socket.getOutputStream().write("lost".getBytes(StandardCharsets.UTF_8));
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> socket.getInputStream().read());
			assertThat(this.proxy.openConnections()).isEqualTo(1);
		}
	}

	@Test
	void latencyDelaysEachChunk() throws IOException {
		this.proxy.latency(150);
		try (Socket socket = connect()) {
			long start = System.nanoTime();
			assertThat(roundTrip(socket, "slow")).isEqualTo("slow");
			assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
		}
	}

	@Test
	void bandwidthAndSlicingKeepTheBytes() throws IOException {
		this.proxy.bandwidth(20_000);
		this.proxy.slice(true);
		String text = "x".repeat(2000);
		try (Socket socket = connect()) {
			long start = System.nanoTime();
			assertThat(roundTrip(socket, text)).isEqualTo(text);
			assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(50);
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(),
				Integer.parseInt(this.proxy.baseUrl().substring(this.proxy.baseUrl().lastIndexOf(':') + 1)));
		socket.setSoTimeout(10_000);
		return socket;
	}

	private static String roundTrip(Socket socket, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		socket.getOutputStream().write(bytes);
		socket.getOutputStream().flush();
		byte[] back = socket.getInputStream().readNBytes(bytes.length);
		if (back.length < bytes.length) {
			throw new IOException("connection closed after " + back.length + " bytes");
		}
		return new String(back, StandardCharsets.UTF_8);
	}

	private static void echo(Socket socket) {
		try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
			byte[] buffer = new byte[4096];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the proxy reset or closed it
		}
	}

}
