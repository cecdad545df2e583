package dev.marquee.orderapi.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.web.util.WebUtils;

/**
 * A request whose body a filter read (to hash it for a signature, or to find the screening of an order) and that the
 * controller reads again, from memory. The body is bounded: past {@code maxBytes} it is refused, never buffered.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    /** The body is longer than the limit (or says so in Content-Length). */
    public static final class BodyTooLargeException extends Exception {

        private final int maxBytes;

        BodyTooLargeException(int maxBytes) {
            super("the request body is over " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public int maxBytes() {
            return maxBytes;
        }
    }

    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request with its body read, or the same wrapper when a filter before already read it. */
    public static CachedBodyRequest of(HttpServletRequest request, int maxBytes)
            throws IOException, BodyTooLargeException {
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (cached != null) {
            return cached;
        }
        if (request.getContentLengthLong() > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return new CachedBodyRequest(request, body);
    }

    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        InputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                try {
                    return bytes.available() == 0;
                } catch (IOException e) {
                    return true;
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body was read already; it is replayed synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
