package io.github.s2spring.listener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a server whose connections a test can reset at any moment (RST,
 * as a crashed peer or a broken network does), to prove that listeners resume where they
 * stopped.
 */
final class ResettingProxy implements AutoCloseable {

	private final int targetPort;

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile boolean closed;

	ResettingProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "resetting-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	int acceptedConnections() {
		return this.accepted.get();
	}

	/**
	 * Resets every open connection.
	 */
	void reset() {
		for (Socket socket : this.sockets) {
			try {
				socket.setSoLinger(true, 0);
				socket.close();
			}
			catch (IOException ex) {
				// already gone
			}
		}
		this.sockets.clear();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.accepted.incrementAndGet();
				this.sockets.add(client);
				this.sockets.add(target);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				if (this.closed) {
					return;
				}
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// the connection ended or was reset
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "resetting-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// ignore
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.server.close();
		reset();
	}

}
