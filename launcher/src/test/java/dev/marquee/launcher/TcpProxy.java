package dev.marquee.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Forwards a local port to another, from the moment it is opened; before that, nothing listens on the port. */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;

    private TcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        Thread.ofVirtual().name("tcp-proxy-" + server.getLocalPort()).start(() -> accept(targetPort));
    }

    /** A port on which nothing listens yet. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static TcpProxy open(int port, int targetPort) throws IOException {
        return new TcpProxy(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), targetPort);
    }

    private void accept(int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pipe(client, target);
                pipe(target, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection dropped
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
